package org.aoiforecast.spark.align;

import static org.apache.spark.sql.functions.timestamp_millis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.spark.table.ReadingsColumns;
import org.aoiforecast.spark.table.TableColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The alignment of a fleet resolved against its data: the sources in output order, the value
 * columns every reading carries, and the output columns, which are those of
 * {@link org.aoiforecast.core.reading.Alignment#toTable()} with the site in front: {@code site},
 * {@code time}, then per source its values ({@code GHI}, {@code GHI[-1]} for lag 1 of the window;
 * {@code weather.temp} when the table has several value columns), {@code <source>.generated}
 * (timestamp of the freshest arrived reading) and {@code <source>.age_ms} (its age, milliseconds).
 *
 * <p>With one value column, each source's value is named after the source; with several, each
 * source carries all of them. Serializable: it travels with the tasks, which rebuild the aoi-core
 * {@link Source}s from it.
 */
public final class AlignmentPlan implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String GENERATED = ".generated";

  private final FleetAlignment settings;
  private final List<String> sources;
  private final List<String> valueColumns;

  private AlignmentPlan(FleetAlignment settings, List<String> sources, List<String> valueColumns) {
    this.settings = settings;
    this.sources = List.copyOf(sources);
    this.valueColumns = List.copyOf(valueColumns);
  }

  /**
   * @param settings the alignment settings
   * @param sources the sources to align, in output order
   * @param valueColumns the value columns of the readings table
   * @return the plan
   */
  public static AlignmentPlan of(FleetAlignment settings, List<String> sources, List<String> valueColumns) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source to align: the readings table is empty");
    }
    return new AlignmentPlan(settings, sources, valueColumns);
  }

  /** @return the source names, in output order */
  public List<String> sources() {
    return sources;
  }

  /** @return the value columns of the readings table */
  public List<String> valueColumns() {
    return valueColumns;
  }

  /** @return the settings */
  public FleetAlignment settings() {
    return settings;
  }

  /**
   * @param i a source position
   * @return the aoi-core description of that source
   */
  public Source source(int i) {
    String name = sources.get(i);
    Source.Builder b = Source.builder(name);
    if (valueColumns.size() == 1) {
      b.column(name, "");
    } else {
      valueColumns.forEach(c -> b.column(c, ""));
    }
    settings.period(name).ifPresent(b::period);
    return b.build();
  }

  /**
   * @param series one reading series per source, in plan order
   * @return the aoi-core aligner of one site
   */
  public AsOfAligner aligner(List<ReadingSeries> series) {
    AsOfAligner.Builder b = AsOfAligner.builder().missing(settings.missing());
    for (int i = 0; i < series.size(); i++) {
      b.source(series.get(i), settings.window(sources.get(i)));
    }
    return b.build();
  }

  /** @return the output column names, in order */
  public List<String> columnNames() {
    return List.of(taskSchema().fieldNames());
  }

  /**
   * The schema of the rows the tasks emit: like the output, but with every time as epoch
   * milliseconds (long), which {@link #output()} turns into timestamps.
   *
   * @return the schema
   */
  public StructType taskSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ReadingsColumns.SITE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ReadingsColumns.TIME, DataTypes.LongType, false));
    for (int s = 0; s < sources.size(); s++) {
      Source source = source(s);
      int u = settings.window(source.name());
      for (int c = 0; c < source.width(); c++) {
        for (int lag = 0; lag < u; lag++) {
          String name = source.qualifiedName(c) + (lag == 0 ? "" : "[-" + lag + "]");
          fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
      }
      fields.add(DataTypes.createStructField(source.name() + GENERATED, DataTypes.LongType, false));
      fields.add(DataTypes.createStructField(source.name() + ".age_ms", DataTypes.LongType, false));
    }
    return DataTypes.createStructType(fields);
  }

  /** @return the projection from the task rows to the output, times as timestamps */
  public Column[] output() {
    List<Column> out = new ArrayList<>();
    List<String> generated = sources.stream().map(n -> n + GENERATED).toList();
    for (String name : columnNames()) {
      Column c = TableColumns.named(name);
      boolean time = name.equals(ReadingsColumns.TIME) || generated.contains(name);
      out.add(time ? timestamp_millis(c).as(name) : c);
    }
    return out.toArray(new Column[0]);
  }
}
