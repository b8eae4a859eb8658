package org.aoiforecast.forecasting.model;

import org.aoiforecast.core.DataException;

/**
 * A model file that cannot be read or written: missing, truncated, not a model, of an unknown
 * format version, lacking a field, or holding a network that does not fit its layout. The one
 * exception type of {@link ModelFile}; the message names the file and what is wrong.
 */
public final class ModelFileException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the model file
   * @param problem what is wrong
   */
  public ModelFileException(String file, String problem) {
    super(file, 0, null, problem);
  }

  /**
   * @param file the model file
   * @param problem what is wrong
   * @param cause the exception that revealed it
   */
  public ModelFileException(String file, String problem, Throwable cause) {
    super(file, 0, null, problem, cause);
  }
}
