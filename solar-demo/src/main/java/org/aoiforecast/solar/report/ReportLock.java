package org.aoiforecast.solar.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The exclusive right to write one report folder: an operating-system lock on the file
 * {@code <out>.lock} beside the folder, held from before the study starts until the report is
 * published. A second run on the same folder, in this process or another, is refused at once
 * instead of racing the first one for the folder.
 *
 * <p>The lock file stays after the run: deleting it would let a run that opened the old file and
 * a run that creates a new one both hold "the" lock. While holding the lock, leftovers of killed
 * runs are cleaned up: their {@code <out>.partial-*} folders are deleted, and a previous report
 * left in {@code <out>.old-*} by a run killed during the final swap is put back.
 */
public final class ReportLock implements AutoCloseable {
  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private ReportLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** Another run holds the folder. */
  public static final class InUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    InUseException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock of a report folder, without waiting.
   *
   * @param out the report folder (it need not exist)
   * @return the held lock; close it to release
   * @throws InUseException when another run holds it
   * @throws UncheckedIOException when the lock file cannot be created
   */
  public static ReportLock acquire(Path out) {
    Path folder = out.toAbsolutePath().normalize();
    Path file = folder.resolveSibling(folder.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(folder.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another run in this process
      }
      if (lock == null) {
        channel.close();
        throw new InUseException("the report folder " + out + " is in use by another run (" + file + " is locked);"
            + " wait for it to finish or choose another folder with --out");
      }
      ReportLock held = new ReportLock(folder, channel, lock);
      held.recover();
      return held;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return the report folder, absolute */
  public Path folder() {
    return folder;
  }

  /** @return true while this lock is held */
  public boolean isHeld() {
    return lock.isValid();
  }

  /** Cleans up after killed runs; only safe under the lock. */
  private void recover() throws IOException {
    List<Path> olds = new ArrayList<>();
    String name = folder.getFileName().toString();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder.getParent(), name + ".*")) {
      for (Path p : siblings) {
        String n = p.getFileName().toString();
        if (n.startsWith(name + ".partial-") || n.equals(name + ".partial")) {
          ReportWriter.deleteRecursively(p);
        } else if (n.startsWith(name + ".old-")) {
          olds.add(p);
        }
      }
    }
    if (!Files.exists(folder) && olds.size() == 1) {
      Files.move(olds.get(0), folder); // a run was killed between the two moves of its publish
    } else {
      for (Path old : olds) {
        ReportWriter.deleteRecursively(old);
      }
    }
  }

  /** Releases the lock (the lock file stays, see the class comment). */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the failure being reported matters more
      }
    }
  }
}
