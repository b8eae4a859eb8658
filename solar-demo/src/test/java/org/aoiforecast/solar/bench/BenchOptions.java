package org.aoiforecast.solar.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aoiforecast.solar.data.CsvOptions;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.data.SolarFormat;
import org.aoiforecast.solar.data.SolarReaders;

/**
 * The options the solar benchmarks share: {@code --name value} pairs, the data ({@code --data FILE},
 * or the embedded default data) and the seeds ({@code --seeds 42,43,44} by default).
 */
final class BenchOptions {
  private final Map<String, String> values = new LinkedHashMap<>();

  BenchOptions(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      values.put(args[i], args[i + 1]);
    }
  }

  /** @return the options by name, in the order given */
  Map<String, String> values() {
    return values;
  }

  /** @return the data of {@code --data}, or the embedded default data */
  SolarData data() {
    return values.containsKey("--data")
        ? SolarReaders.read(Path.of(values.get("--data")), SolarFormat.AUTO, CsvOptions.defaults())
        : SolarReaders.defaultData();
  }

  /** @return the seeds of {@code --seeds} (default 42, 43, 44) */
  long[] seeds() {
    return Arrays.stream(values.getOrDefault("--seeds", "42,43,44").split(",")).mapToLong(Long::parseLong).toArray();
  }
}
