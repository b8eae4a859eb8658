package org.aoiforecast.forecasting.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.nn.ClearSkyIndex;
import org.aoiforecast.forecasting.nn.GaussianNll;
import org.aoiforecast.forecasting.nn.IntervalCalibration;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.SmartPersistenceRegressor;
import org.aoiforecast.forecasting.nn.StoppingScore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The JSON entry of a model file as Jackson maps it (snake-case field names). Objects and boxed
 * numbers, so that a missing field reads as null and {@link #requireFields} names it, rather than
 * turning silently into 0 or false. Format 2 adds {@code provenance}, present whenever the
 * training data is known (absent for a model first read from a format-1 file), {@code
 * config.linear_path} and {@code linear_base}, the fitted linear path beside the network (absent
 * when the network forecasts alone, as in every format-1 file). Format 3 adds {@code config.head}
 * ({@code POINT} or {@code GAUSSIAN}; absent in earlier files: {@code POINT}) and {@code
 * gaussian}, the Gaussian head's standard-deviation floor and calibration (present exactly with a
 * Gaussian head), and {@code horizons}, the horizons a model pools ({@code horizon} then holds the
 * first of them; absent in older files, which read as the single {@code horizon}). A format-3 file
 * may also carry {@code config.stop_on}, the validation score early stopping watched ({@code
 * LOSS} or {@code SQUARED_ERROR}; absent in earlier files: {@code LOSS}; a training setting that
 * prediction does not use, so readers that ignore it read the file correctly). {@code
 * config.linear_path} is {@code NONE}, {@code RIDGE} (coefficients linear in the encoded age, with
 * {@code linear_base.sources} and {@code age_width}) or {@code PER_AGE}
 * (coefficients per trained age, whose layout follows from the age vectors and horizons: {@code
 * linear_base} holds {@code value_features} and the coefficients). Format 4 adds {@code
 * linear_base.smart_persistence} ({@code column}, {@code guard}, {@code fallback_index}, {@code
 * fade_steps}), the path's smart-persistence regressor, counted in {@code value_features}; absent
 * when the path has none, as in every earlier file.
 */
record ModelDocument(Integer format, String libraryVersion, String name, String target, Long stepMillis,
    Integer window, Integer horizon, List<SourceDoc> sources, List<String> covariates, List<String> covariateNames,
    Boolean ageInput, String ageEncoding, List<int[]> ageVectors, List<String> featureNames,
    StandardizationDoc standardization, ConfigDoc config, TrainingDoc training, ProvenanceDoc provenance,
    LinearBaseDoc linearBase, GaussianDoc gaussian, int[] horizons) {

  record SourceDoc(String name, List<String> columns, List<String> units) {}

  record StandardizationDoc(List<String> columns, double[] mean, double[] scale, double[] ageMean,
      double[] ageScale) {}

  record ConfigDoc(String architecture, int[] hidden, Double learningRate, Double l2, Integer batchSize,
      Integer maxEpochs, Integer patience, Double pooledEpochFactor, Double plateauDecay, Long seed,
      String linearPath, String head, String stopOn) {}

  record GaussianDoc(Double scaleFloor, double[] calibration, Long calibrationSamples) {}

  record LinearBaseDoc(Integer valueFeatures, Integer sources, Integer ageWidth, double[] coefficients,
      SmartPersistenceDoc smartPersistence) {}

  record SmartPersistenceDoc(String column, Double guard, Double fallbackIndex, Integer fadeSteps) {}

  record TrainingDoc(Integer epochs, Integer bestEpoch, Double bestValidationLoss, Long samplesSeen,
      Double seconds) {}

  record ProvenanceDoc(String dataOrigin, String trainingStart, String trainingEnd, Integer trainingRows,
      Long trainingSamples, Map<String, String> properties) {}

  /** The document of a model, in the current format. */
  static ModelDocument of(SavedModel m, int format, String libraryVersion) {
    AgedDatasetSpec spec = m.layout().spec();
    List<SourceDoc> sources = new ArrayList<>();
    for (Source s : spec.sources()) {
      sources.add(new SourceDoc(s.name(), s.columns(), s.units()));
    }
    List<String> covariates = new ArrayList<>();
    for (KnownCovariate c : spec.covariates()) {
      covariates.add(KnownCovariates.describe(c).orElseThrow());
    }
    Standardization st = m.standardization();
    NetworkConfig c = m.config();
    TrainingSummary t = m.summary();
    ProvenanceDoc p = m.provenance().map(v -> new ProvenanceDoc(v.dataOrigin(), v.trainingStart().toString(),
        v.trainingEnd().toString(), v.trainingRows(), v.trainingSamples(),
        v.properties().isEmpty() ? null : v.properties())).orElse(null);
    return new ModelDocument(format, libraryVersion, m.name(), spec.target(), m.layout().step().toMillis(),
        spec.window(), spec.horizon(0), sources, covariates,
        spec.covariates().stream().map(KnownCovariate::name).toList(), spec.hasAgeInput(),
        spec.ageEncoding().describe(), spec.ageVectors(), spec.featureNames(),
        new StandardizationDoc(st.columns(), st.means(), st.scales(), st.ageMeans(), st.ageScales()),
        new ConfigDoc(c.architecture().name(), c.hidden(), c.learningRate(), c.l2(), c.batchSize(), c.maxEpochs(),
            c.patience(), c.pooledEpochFactor(), c.plateauDecay(), c.seed(), linearPathName(c.linearPath()),
            c.head().name(), c.stoppingScore().name()),
        new TrainingDoc(t.epochs(), t.bestEpoch(), t.bestValidationLoss(), t.samplesSeen(), t.seconds()), p,
        m.linearBase().map(b -> linearBaseDoc(b, spec)).orElse(null),
        m.calibration().map(k -> new GaussianDoc(GaussianNll.SCALE_FLOOR, k.factors(), k.samples())).orElse(null),
        spec.horizons());
  }

  /** The age-linear path keeps the name earlier versions wrote, so that they read today's default models. */
  private static String linearPathName(LinearPath path) {
    return path == LinearPath.AGE_LINEAR ? "RIDGE" : path.name();
  }

  /** The age-linear path keeps its layout's sizes, which a reader checks; the per-age path's follow from the spec. */
  private static LinearBaseDoc linearBaseDoc(LinearBase b, AgedDatasetSpec spec) {
    SmartPersistenceDoc smart = b.smartPersistence().map(r -> new SmartPersistenceDoc(r.index().column(),
        r.index().guard(), r.index().fallback(), r.fadeSteps())).orElse(null);
    if (b.path() == LinearPath.PER_AGE) {
      return new LinearBaseDoc(b.valueFeatures(), null, null, b.coefficients(), smart);
    }
    boolean ages = spec.hasAgeInput();
    return new LinearBaseDoc(b.valueFeatures(), ages ? spec.sources().size() : 0,
        ages ? spec.ageEncoding().width() : 0, b.coefficients(), smart);
  }

  /**
   * Checks that every field the format requires is present.
   *
   * @throws IllegalArgumentException naming the first missing field
   */
  void requireFields() {
    require(libraryVersion, "library_version");
    require(name, "name");
    require(target, "target");
    require(stepMillis, "step_millis");
    require(window, "window");
    require(horizon, "horizon");
    require(sources, "sources");
    for (SourceDoc s : sources) {
      require(s, "sources[]");
      require(s.name(), "sources[].name");
      require(s.columns(), "sources[].columns");
      require(s.units(), "sources[].units");
    }
    require(covariates, "covariates");
    require(covariateNames, "covariate_names");
    require(ageInput, "age_input");
    require(ageEncoding, "age_encoding");
    require(ageVectors, "age_vectors");
    require(featureNames, "feature_names");
    require(standardization, "standardization");
    require(standardization.columns(), "standardization.columns");
    require(standardization.mean(), "standardization.mean");
    require(standardization.scale(), "standardization.scale");
    require(standardization.ageMean(), "standardization.age_mean");
    require(standardization.ageScale(), "standardization.age_scale");
    require(config, "config");
    require(config.architecture(), "config.architecture");
    require(config.hidden(), "config.hidden");
    require(config.learningRate(), "config.learning_rate");
    require(config.l2(), "config.l2");
    require(config.batchSize(), "config.batch_size");
    require(config.maxEpochs(), "config.max_epochs");
    require(config.patience(), "config.patience");
    require(config.pooledEpochFactor(), "config.pooled_epoch_factor");
    require(config.plateauDecay(), "config.plateau_decay");
    require(config.seed(), "config.seed");
    require(training, "training");
    require(training.epochs(), "training.epochs");
    require(training.bestEpoch(), "training.best_epoch");
    require(training.bestValidationLoss(), "training.best_validation_loss");
    require(training.samplesSeen(), "training.samples_seen");
    require(training.seconds(), "training.seconds");
    if (linearBase != null) {
      require(linearBase.valueFeatures(), "linear_base.value_features");
      if (linearPath() != LinearPath.PER_AGE) {
        require(linearBase.sources(), "linear_base.sources");
        require(linearBase.ageWidth(), "linear_base.age_width");
      }
      require(linearBase.coefficients(), "linear_base.coefficients");
      SmartPersistenceDoc smart = linearBase.smartPersistence();
      if (smart != null) {
        require(smart.column(), "linear_base.smart_persistence.column");
        require(smart.guard(), "linear_base.smart_persistence.guard");
        require(smart.fallbackIndex(), "linear_base.smart_persistence.fallback_index");
        require(smart.fadeSteps(), "linear_base.smart_persistence.fade_steps");
      }
    }
    OutputHead head = head();
    if (head == OutputHead.GAUSSIAN) {
      require(gaussian, "gaussian");
      require(gaussian.scaleFloor(), "gaussian.scale_floor");
      require(gaussian.calibration(), "gaussian.calibration");
      require(gaussian.calibrationSamples(), "gaussian.calibration_samples");
      if (gaussian.scaleFloor() != GaussianNll.SCALE_FLOOR) {
        // the floor is part of how the network's second output becomes a standard deviation
        throw new IllegalArgumentException("gaussian.scale_floor is " + gaussian.scaleFloor() + "; this version's"
            + " Gaussian head has the floor " + GaussianNll.SCALE_FLOOR);
      }
    } else if (gaussian != null) {
      throw new IllegalArgumentException("the field 'gaussian' belongs to a GAUSSIAN head, but config.head is " + head);
    }
    if (provenance != null) {
      require(provenance.dataOrigin(), "provenance.data_origin");
      require(provenance.trainingStart(), "provenance.training_start");
      require(provenance.trainingEnd(), "provenance.training_end");
      require(provenance.trainingRows(), "provenance.training_rows");
      require(provenance.trainingSamples(), "provenance.training_samples");
    }
  }

  /** The head; files without {@code config.head} predate the Gaussian head. */
  private OutputHead head() {
    return constant(config.head(), OutputHead.POINT, "config.head");
  }

  /** The validation score early stopping watched; files without {@code config.stop_on} predate the choice. */
  private StoppingScore stoppingScore() {
    return constant(config.stopOn(), StoppingScore.LOSS, "config.stop_on");
  }

  /**
   * @param name an enum constant's name as written, or null when the field is absent
   * @param absent the value of an absent field (the only one files before the field knew)
   * @param field the field's name, for the message
   * @return the constant
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  private static <E extends Enum<E>> E constant(String name, E absent, String field) {
    if (name == null) {
      return absent;
    }
    try {
      return Enum.valueOf(absent.getDeclaringClass(), name);
    } catch (IllegalArgumentException e) {
      List<String> known = Arrays.stream(absent.getDeclaringClass().getEnumConstants()).map(Enum::name).toList();
      throw new IllegalArgumentException(field + " is '" + name + "'; expected "
          + String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.get(known.size() - 1), e);
    }
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("the field '" + field + "' is missing");
    }
  }

  /** The model this document describes, with its network. Call {@link #requireFields} first. */
  SavedModel toSavedModel(MultiLayerNetwork network) {
    AgedDatasetSpec.Builder b = AgedDatasetSpec.builder().target(target).window(window).horizon(horizon)
        .ageEncoding(AgeEncoding.parse(ageEncoding));
    if (horizons != null) {
      if (horizons.length == 0 || horizons[0] != horizon) {
        throw new IllegalArgumentException("the horizons " + java.util.Arrays.toString(horizons)
            + " do not start with the horizon " + horizon);
      }
      b.horizons(AgeSet.of(horizons));
    }
    for (SourceDoc s : sources) {
      if (s.columns().size() != s.units().size()) {
        throw new IllegalArgumentException("source '" + s.name() + "' has " + s.columns().size() + " columns but "
            + s.units().size() + " units");
      }
      Source.Builder sb = Source.builder(s.name());
      for (int i = 0; i < s.columns().size(); i++) {
        sb.column(s.columns().get(i), s.units().get(i));
      }
      b.source(sb.build());
    }
    if (covariates.size() != covariateNames.size()) {
      throw new IllegalArgumentException(covariates.size() + " covariates but " + covariateNames.size() + " names");
    }
    for (int i = 0; i < covariates.size(); i++) {
      KnownCovariate c = KnownCovariates.parse(covariates.get(i));
      if (!c.name().equals(covariateNames.get(i))) {
        throw new IllegalArgumentException("covariate '" + covariates.get(i) + "' is listed as '"
            + covariateNames.get(i) + "'");
      }
      b.covariate(c);
    }
    b.ageVectors(ageVectors);
    if (ageInput) {
      b.withAgeInput();
    } else {
      b.withoutAgeInput();
    }
    AgedDatasetSpec spec = b.build();
    if (!spec.featureNames().equals(featureNames)) {
      throw new IllegalArgumentException("inconsistent feature layout: the sources, window, covariates and age input"
          + " make the inputs " + spec.featureNames() + " but the file lists " + featureNames);
    }
    ModelLayout layout = new ModelLayout(spec, Duration.ofMillis(stepMillis));
    Standardization st = new Standardization(standardization.columns(), standardization.mean(),
        standardization.scale(), standardization.ageMean(), standardization.ageScale());
    NetworkConfig cfg = NetworkConfig.builder().architecture(Architecture.valueOf(config.architecture()))
        .hidden(config.hidden()).learningRate(config.learningRate()).l2(config.l2()).batchSize(config.batchSize())
        .maxEpochs(config.maxEpochs()).patience(config.patience()).pooledEpochFactor(config.pooledEpochFactor())
        .plateauDecay(config.plateauDecay()).seed(config.seed())
        .linearPath(linearPath())
        .head(head()).stoppingScore(stoppingScore())
        .smartPersistence(linearBase == null || linearBase.smartPersistence() == null ? null
            : linearBase.smartPersistence().column())
        .build();
    TrainingSummary summary = new TrainingSummary(training.epochs(), training.bestEpoch(),
        training.bestValidationLoss(), training.samplesSeen(), training.seconds());
    Optional<Provenance> prov = provenance == null ? Optional.empty()
        : Optional.of(new Provenance(provenance.dataOrigin(), Instant.parse(provenance.trainingStart()),
            Instant.parse(provenance.trainingEnd()), provenance.trainingRows(), provenance.trainingSamples(),
            // absent in files of earlier versions, and when nothing was recorded
            provenance.properties() == null ? Map.of() : provenance.properties()));
    Optional<LinearBase> base = linearBase == null ? Optional.empty() : Optional.of(linearBase(spec));
    Optional<IntervalCalibration> calibration = gaussian == null ? Optional.empty()
        : Optional.of(spec.horizonCount() > 1
            // one factor per (age vector, horizon) cell, age vector major
            ? new IntervalCalibration(spec.ageVectors(), spec.horizons(), gaussian.calibration(),
                gaussian.calibrationSamples())
            : new IntervalCalibration(spec.ageVectors(), gaussian.calibration(), gaussian.calibrationSamples()));
    return new SavedModel(name, layout, st, cfg, summary, prov, base, calibration, network);
  }

  /** Files without the field predate the linear path: their networks forecast alone. */
  private LinearPath linearPath() {
    return config.linearPath() == null ? LinearPath.NONE : LinearPath.parse(config.linearPath());
  }

  private LinearBase linearBase(AgedDatasetSpec spec) {
    SmartPersistenceDoc d = linearBase.smartPersistence();
    Optional<SmartPersistenceRegressor> smart = Optional.empty();
    if (d != null) {
      SmartPersistenceRegressor.requireUsable(spec, d.column());
      smart = Optional.of(new SmartPersistenceRegressor(new ClearSkyIndex(d.column(), d.guard(), d.fallbackIndex()),
          d.fadeSteps()));
    }
    LinearBase b = linearPath() == LinearPath.PER_AGE ? LinearBase.perAge(spec, linearBase.coefficients(), smart)
        : LinearBase.ageLinear(spec, linearBase.coefficients(), smart);
    if (b.valueFeatures() != linearBase.valueFeatures()) {
      throw new IllegalArgumentException("linear_base.value_features is " + linearBase.valueFeatures()
          + " but the inputs hold " + b.valueFeatures() + " values and covariates");
    }
    boolean ages = spec.hasAgeInput();
    if (b.path() == LinearPath.AGE_LINEAR && (linearBase.sources() != (ages ? spec.sources().size() : 0)
        || linearBase.ageWidth() != (ages ? spec.ageEncoding().width() : 0))) {
      throw new IllegalArgumentException("linear_base.sources and age_width (" + linearBase.sources() + ", "
          + linearBase.ageWidth() + ") do not match the inputs' age layout");
    }
    return b;
  }
}
