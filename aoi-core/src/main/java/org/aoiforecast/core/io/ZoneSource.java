package org.aoiforecast.core.io;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.DataException;

/**
 * Where a CSV reader finds the zone of the file's local times: one of three sources.
 * <ul>
 *   <li>{@link #fixed(ZoneId)}: a zone given by the caller ({@link #utc()} by default);
 *   <li>{@link #metadataField(int, int)}: a field of a metadata line before the header (TMY3:
 *       line 1, field 4);
 *   <li>{@link #metadataKey(String)}: a line of metadata keys followed by a line of their values
 *       (NSRDB: key {@code "Time Zone"}).
 * </ul>
 * In the metadata a zone is an hour offset ({@code -5}, {@code 5.5}) or a zone id ({@code
 * Europe/Paris}, {@code +02:00}). Immutable.
 */
public abstract sealed class ZoneSource permits ZoneSource.Fixed, ZoneSource.MetadataField, ZoneSource.MetadataKey {

  private ZoneSource() {}

  /** @return UTC, the default */
  public static ZoneSource utc() {
    return fixed(ZoneOffset.UTC);
  }

  /**
   * @param zone a zone or offset
   * @return that zone for every file
   */
  public static ZoneSource fixed(ZoneId zone) {
    return new Fixed(zone);
  }

  /**
   * @param line 1-based metadata line
   * @param field 0-based field in that line
   * @return the zone read from that field of each file
   */
  public static ZoneSource metadataField(int line, int field) {
    return new MetadataField(line, field);
  }

  /**
   * @param key the key naming the offset
   * @return the zone read under that key of each file's metadata
   */
  public static ZoneSource metadataKey(String key) {
    return new MetadataKey(key);
  }

  /** The zone of one file. */
  abstract ZoneId resolve(CsvFile csv);

  /**
   * Reads a zone written as an hour offset ({@code -5}, {@code 5.5}) or a zone id
   * ({@code Europe/Paris}, {@code +02:00}).
   */
  static ZoneId parse(CsvFile csv, long line, String text) {
    try {
      double hours = Double.parseDouble(text);
      return offsetHours(hours).orElseThrow(() -> new DataException(csv.name(), line, null, "UTC offset '" + text
          + "' is not an offset in hours from -18 to 18"));
    } catch (NumberFormatException e) {
      try {
        return ZoneId.of(text);
      } catch (DateTimeException e2) {
        throw new DataException(csv.name(), line, null, "expected a UTC offset in hours (e.g. -5) or a zone id,"
            + " found '" + text + "'");
      }
    } catch (DateTimeException e) {
      throw new DataException(csv.name(), line, null, "UTC offset '" + text + "' is out of range (-18..18 hours)");
    }
  }

  /**
   * The zone offset of a number of hours, rounded to the second.
   *
   * @param hours hours east of UTC
   * @return the offset, or empty when the number is NaN, infinite or beyond ±18 hours (a NaN must
   *     not round to 0 and silently become UTC)
   */
  public static Optional<ZoneOffset> offsetHours(double hours) {
    if (!(Math.abs(hours) <= 18)) {
      return Optional.empty();
    }
    return Optional.of(ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600)));
  }

  /** A zone given by the caller. */
  static final class Fixed extends ZoneSource {
    private final ZoneId zone;

    Fixed(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    ZoneId resolve(CsvFile csv) {
      return zone;
    }
  }

  /** A field of a metadata line. */
  static final class MetadataField extends ZoneSource {
    private final int line;
    private final int field;

    MetadataField(int line, int field) {
      if (line < 1 || field < 0) {
        throw new IllegalArgumentException("metadata line is 1-based and field 0-based; got " + line + ", " + field);
      }
      this.line = line;
      this.field = field;
    }

    @Override
    ZoneId resolve(CsvFile csv) {
      List<String> fields = csv.metadataFields(line);
      if (field >= fields.size()) {
        throw new DataException(csv.name(), line, null, "expected the time zone in field " + (field + 1)
            + " of the metadata line, which has only " + fields.size() + " fields");
      }
      return parse(csv, line, fields.get(field));
    }
  }

  /** A key of a metadata key line, with its value on the next line. */
  static final class MetadataKey extends ZoneSource {
    private final String key;

    MetadataKey(String key) {
      this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    ZoneId resolve(CsvFile csv) {
      for (int line = 1; line < csv.metadata().size(); line++) {
        List<String> keys = csv.metadataFields(line);
        int i = keys.indexOf(key);
        if (i >= 0) {
          List<String> vals = csv.metadataFields(line + 1);
          if (i >= vals.size()) {
            throw new DataException(csv.name(), line + 1, key, "no value under metadata key '" + key + "'");
          }
          return parse(csv, line + 1, vals.get(i));
        }
      }
      throw new DataException(csv.name(), 0, key, "no metadata key '" + key + "' in the " + csv.metadata().size()
          + " lines before the header");
    }
  }
}
