package org.aoiforecast.solar.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of output paths, made before any long work: a run that trains for minutes and then
 * cannot write its result has lost that work. Each failure is a usage error naming the option.
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * An output file: not a folder, in a folder that exists and can be written, and writable itself
   * when it exists already.
   *
   * @param file the path given
   * @param option the option that gave it, e.g. {@code "--json"}
   * @throws CliException (usage) saying what is wrong
   */
  static void file(Path file, String option) {
    if (Files.isDirectory(file)) {
      throw CliException.usage(option + " " + file + " is a folder; give a file name");
    }
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent != null) {
      if (!Files.exists(parent)) {
        throw CliException.usage(option + " " + file + ": the folder " + parent + " does not exist");
      }
      if (!Files.isDirectory(parent)) {
        throw CliException.usage(option + " " + file + ": " + parent + " is not a folder");
      }
      if (!Files.isWritable(parent)) {
        throw CliException.usage(option + " " + file + ": the folder " + parent + " cannot be written");
      }
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw CliException.usage(option + " " + file + " exists and cannot be written");
    }
  }

  /**
   * An output folder: not a file, and the nearest existing folder above it (or itself) writable,
   * so that it can be created.
   *
   * @param folder the path given
   * @param option the option that gave it
   * @throws CliException (usage) saying what is wrong
   */
  static void folder(Path folder, String option) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw CliException.usage(option + " " + folder + " is a file; give a folder");
    }
    Path p = folder.toAbsolutePath().normalize();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null || !Files.isDirectory(p)) {
      throw CliException.usage(option + " " + folder + ": " + p + " is not a folder");
    }
    if (!Files.isWritable(p)) {
      throw CliException.usage(option + " " + folder + ": the folder " + p + " cannot be written");
    }
  }
}
