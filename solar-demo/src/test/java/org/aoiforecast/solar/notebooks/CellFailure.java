package org.aoiforecast.solar.notebooks;

/** A cell that does not compile or throws, as the kernel would report it. */
final class CellFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String name;

  /**
   * @param name the kind of failure (an exception class, or "CompilationException")
   * @param message what went wrong, with the offending source where it helps
   */
  CellFailure(String name, String message) {
    super(name + ": " + message);
    this.name = name;
  }

  String name() {
    return name;
  }

  String detail() {
    return getMessage().substring(name.length() + 2);
  }
}
