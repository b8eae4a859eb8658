package org.aoiforecast.core.io;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aoiforecast.core.TimeSeries;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link TimeSeries} as CSV: a {@code time} column in ISO-8601 UTC, then one column per
 * series column; the header cells carry the unit in parentheses when it is known
 * ({@code "GHI (W/m^2)"}), which {@link TimeSeriesCsvReader} turns back into units.
 *
 * <p>Numbers are written with at most {@link #decimals} decimals, trailing zeros removed (the
 * default, -1, writes the shortest text that reads back to the same double). A fixed number of
 * decimals makes the output identical across Java versions.
 */
public final class TimeSeriesCsvWriter {
  private final int decimals;

  private TimeSeriesCsvWriter(int decimals) {
    this.decimals = decimals;
  }

  /** @return a writer of exact (shortest round-trip) numbers */
  public static TimeSeriesCsvWriter exact() {
    return new TimeSeriesCsvWriter(-1);
  }

  /**
   * @param decimals the most decimals written per value, 0..15
   * @return a writer rounding to that many decimals
   */
  public static TimeSeriesCsvWriter decimals(int decimals) {
    if (decimals < 0 || decimals > 15) {
      throw new IllegalArgumentException("decimals must be in 0..15, got " + decimals);
    }
    return new TimeSeriesCsvWriter(decimals);
  }

  /**
   * @param series the series
   * @param file the destination (overwritten)
   */
  public void write(TimeSeries series, Path file) {
    AtomicFiles.write(file, w -> write(series, w));
  }

  /**
   * @param series the series
   * @param out the destination (not closed)
   * @throws IOException when writing fails
   */
  public void write(TimeSeries series, Writer out) throws IOException {
    List<String> header = new ArrayList<>();
    header.add("time");
    for (int c = 0; c < series.names().size(); c++) {
      String unit = series.units().get(c);
      String name = series.names().get(c);
      header.add(unit.isEmpty() || !TimeSeriesCsvReader.unitOf(name).isEmpty() ? name : name + " (" + unit + ")");
    }
    CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out);
    printer.printRecord(header);
    String[] row = new String[header.size()];
    for (int r = 0; r < series.size(); r++) {
      row[0] = series.time(r).toString();
      for (int c = 0; c < series.names().size(); c++) {
        row[c + 1] = format(series.value(c, r));
      }
      printer.printRecord((Object[]) row);
    }
    printer.flush();
  }

  private String format(double v) {
    if (decimals < 0) {
      return Double.toString(v);
    }
    String s = new BigDecimal(String.format(Locale.ROOT, "%." + decimals + "f", v)).stripTrailingZeros()
        .toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
