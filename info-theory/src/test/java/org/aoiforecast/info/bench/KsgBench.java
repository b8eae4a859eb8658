package org.aoiforecast.info.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.aoiforecast.info.Estimators;

/**
 * KSG timing: this library's estimators, and optionally the Java Information Dynamics Toolkit
 * (JIDT) on the same samples in the same JVM, for the ratio.
 *
 * <p>Data (identical for both; java.util.Random(seed), t-major draws): MI: x_i ~ N(0,1),
 * y_i = 0.6 x_i + 0.8 v_i (true MI = d · 0.2231 nats); CMI: z_i ~ N(0,1), x_i = z_i + u_i,
 * y_i = x_i + z_i + v_i (true CMI = d · 0.3466 nats); KL: x_i ~ N(0,1).
 *
 * <p>Usage: {@code KsgBench [--jidt path/to/infodynamics.jar] [--cases mi:2,2:100000:1,...]
 * [--reps 3]}. A case is {@code estimator:dims:N:threads} with estimator {@code mi} (KSG
 * algorithm 1), {@code cmi} (KSG CMI algorithm 1) or {@code kl} (Kozachenko-Leonenko entropy);
 * k = 4, max norm. Without {@code --cases} it runs the documented suite (N = 1e3..1e6 scaling of
 * a 2+2-dimensional MI, the 1e5 cases at 1 and 2 threads). JIDT runs up to N = {@code --jidt-max}
 * (default 1e5; it needs minutes beyond) and is skipped for a case when its ten times smaller case
 * took over 20 s.
 *
 * <p>Run: {@code mvn -q -pl info-theory test-compile exec:exec -Dbench.main=org.aoiforecast.info.bench.KsgBench
 * -Dbench.args="--jidt /path/to/infodynamics.jar"}. The JIDT jar is built separately from its
 * public source (github.com/jlizier/jidt); it is not part of this project.
 */
public final class KsgBench {
  private KsgBench() {}

  public static void main(String[] args) throws Exception {
    String jidtJar = null;
    String cases = null;
    int reps = 3;
    int jidtMax = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jidt" -> jidtJar = args[++i];
        case "--cases" -> cases = args[++i];
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--jidt-max" -> jidtMax = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (cases == null) {
      cases = "mi:1,1:100000:1,mi:1,1:100000:2,mi:2,2:100000:1,mi:2,2:100000:2,mi:2,3:100000:2,"
          + "cmi:2,2,2:100000:1,cmi:2,2,2:100000:2,kl:2:10000:1,kl:2:100000:1,"
          + "mi:2,2:1000:2,mi:2,2:10000:2,mi:2,2:1000000:2";
    }
    Jidt jidt = jidtJar == null ? null : new Jidt(jidtJar);
    System.out.printf("# machine: %d cores, %s %s; k = 4, max norm%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.println("estimator,dims,N,threads,aoi_seconds,aoi_value,jidt_seconds,jidt_value,speedup");
    for (String c : cases.split(",(?=[a-z])")) {
      String[] p = c.split(":");
      String est = p[0];
      int[] dims = java.util.Arrays.stream(p[1].split(",")).mapToInt(Integer::parseInt).toArray();
      int n = Integer.parseInt(p[2]);
      int threads = Integer.parseInt(p[3]);
      double[][][] data = generate(est, dims, n, 1);
      // warm-up on a small sample so the JIT has compiled the hot loops
      double[][][] warm = generate(est, dims, Math.min(n, 2000), 2);
      aoi(est, warm, threads);
      double best = Double.POSITIVE_INFINITY;
      double value = 0;
      for (int r = 0; r < (n >= 1_000_000 ? 1 : reps); r++) {
        long t0 = System.nanoTime();
        value = aoi(est, data, threads);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
      String jidtPart = ",,";
      if (jidt != null && n <= jidtMax && jidt.worthTrying(est, dims, n, threads)) {
        jidt.run(est, warm, threads);
        double jBest = Double.POSITIVE_INFINITY;
        double jValue = 0;
        for (int r = 0; r < (n >= 100_000 ? 1 : reps); r++) {
          long t0 = System.nanoTime();
          jValue = jidt.run(est, data, threads);
          jBest = Math.min(jBest, (System.nanoTime() - t0) / 1e9);
        }
        jidt.record(est, dims, n, threads, jBest);
        jidtPart = String.format(Locale.ROOT, "%.4f,%.6f,%.1f", jBest, jValue, jBest / best);
      }
      System.out.printf(Locale.ROOT, "%s,%s,%d,%d,%.4f,%.6f,%s%n", est, p[1].replace(',', '+'), n, threads, best, value,
          jidtPart);
    }
  }

  private static double aoi(String est, double[][][] d, int threads) {
    return switch (est) {
      case "mi" -> Estimators.ksg(4).withThreads(threads).mutualInformation(d[0], d[1]);
      case "cmi" -> Estimators.ksg(4).withThreads(threads).conditionalMutualInformation(d[0], d[1], d[2]);
      case "kl" -> Estimators.kozachenkoLeonenko(4).withThreads(threads).entropy(d[0]);
      default -> throw new IllegalArgumentException(est);
    };
  }

  /** The same generator as the JIDT harness, so both see identical samples. */
  static double[][][] generate(String est, int[] dims, int n, long seed) {
    Random rng = new Random(seed);
    double rho = 0.6;
    if (est.equals("mi")) {
      int dx = dims[0];
      int dy = dims[1];
      double[][] x = new double[n][dx];
      double[][] y = new double[n][dy];
      for (int t = 0; t < n; t++) {
        for (int i = 0; i < dx; i++) {
          x[t][i] = rng.nextGaussian();
        }
        for (int i = 0; i < dy; i++) {
          double v = rng.nextGaussian();
          y[t][i] = i < dx ? rho * x[t][i] + Math.sqrt(1 - rho * rho) * v : v;
        }
      }
      return new double[][][] {x, y};
    }
    if (est.equals("cmi")) {
      int dx = dims[0];
      int dy = dims[1];
      int dz = dims[2];
      double[][] x = new double[n][dx];
      double[][] y = new double[n][dy];
      double[][] z = new double[n][dz];
      for (int t = 0; t < n; t++) {
        for (int i = 0; i < dz; i++) {
          z[t][i] = rng.nextGaussian();
        }
        for (int i = 0; i < dx; i++) {
          x[t][i] = (i < dz ? z[t][i] : 0) + rng.nextGaussian();
        }
        for (int i = 0; i < dy; i++) {
          y[t][i] = (i < dx ? x[t][i] : 0) + (i < dz ? z[t][i] : 0) + rng.nextGaussian();
        }
      }
      return new double[][][] {x, y, z};
    }
    double[][] x = new double[n][dims[0]];
    for (double[] row : x) {
      for (int i = 0; i < row.length; i++) {
        row[i] = rng.nextGaussian();
      }
    }
    return new double[][][] {x};
  }

  /** JIDT's KSG calculators, driven by reflection from a jar given at run time. */
  private static final class Jidt {
    private final ClassLoader loader;
    private final List<String> slow = new ArrayList<>();

    Jidt(String jar) throws Exception {
      File f = new File(jar);
      if (!f.isFile()) {
        throw new IllegalArgumentException("no JIDT jar at " + jar);
      }
      loader = new URLClassLoader(new URL[] {f.toURI().toURL()}, KsgBench.class.getClassLoader());
    }

    boolean worthTrying(String est, int[] dims, int n, int threads) {
      return !slow.contains(est + java.util.Arrays.toString(dims) + threads + ":" + (n / 10));
    }

    void record(String est, int[] dims, int n, int threads, double seconds) {
      if (seconds > 20) {
        slow.add(est + java.util.Arrays.toString(dims) + threads + ":" + n);
      }
    }

    double run(String est, double[][][] d, int threads) throws Exception {
      String pkg = "infodynamics.measures.continuous.";
      Object calc;
      switch (est) {
        case "mi" -> calc = loader.loadClass(pkg + "kraskov.MutualInfoCalculatorMultiVariateKraskov1")
            .getConstructor().newInstance();
        case "cmi" -> calc = loader.loadClass(pkg + "kraskov.ConditionalMutualInfoCalculatorMultiVariateKraskov1")
            .getConstructor().newInstance();
        default -> calc = loader.loadClass(pkg + "kozachenko.EntropyCalculatorMultiVariateKozachenko")
            .getConstructor().newInstance();
      }
      Class<?> c = calc.getClass();
      Method set = c.getMethod("setProperty", String.class, String.class);
      if (!est.equals("kl")) {
        set.invoke(calc, "k", "4");
        set.invoke(calc, "NORM_TYPE", "MAX_NORM");
        set.invoke(calc, "NUM_THREADS", Integer.toString(threads));
        set.invoke(calc, "NOISE_SEED", "1");
      }
      Class<?> m = double[][].class;
      switch (est) {
        case "mi" -> {
          c.getMethod("initialise", int.class, int.class).invoke(calc, d[0][0].length, d[1][0].length);
          c.getMethod("setObservations", m, m).invoke(calc, d[0], d[1]);
        }
        case "cmi" -> {
          c.getMethod("initialise", int.class, int.class, int.class).invoke(calc, d[0][0].length, d[1][0].length,
              d[2][0].length);
          c.getMethod("setObservations", m, m, m).invoke(calc, d[0], d[1], d[2]);
        }
        default -> {
          c.getMethod("initialise", int.class).invoke(calc, d[0][0].length);
          c.getMethod("setObservations", m).invoke(calc, (Object) d[0]);
        }
      }
      return (double) c.getMethod("computeAverageLocalOfObservations").invoke(calc);
    }
  }
}
