package org.aoiforecast.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.Finite;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read row by row with the line numbers kept, so that every error can say where it is:
 * optional metadata lines before the header, a header row, then data rows.
 *
 * <p>Rows must have as many fields as the header (a ragged row is an error naming its line). Field
 * access by column name fails with the list of columns that exist. Numbers are parsed strictly:
 * empty fields, text, non-finite values and values whose square overflows ({@link Finite}) are
 * errors naming the file, line and column; whole numbers can be bounded so that none wraps around.
 * Bytes that are not UTF-8 are an error that says so.
 *
 * <p>Parsing uses Apache Commons CSV (RFC 4180 quoting). Line numbers in messages count one line
 * per record, as in the numeric tables this library reads. Close it after use
 * (try-with-resources).
 */
public final class CsvFile implements Iterable<CsvFile.Row>, AutoCloseable {
  private final String name;
  private final List<String> metadata;
  private final List<String> header;
  private final int headerLine;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;

  private CsvFile(String name, BufferedReader reader, int skipLines) throws IOException {
    this.name = name;
    List<String> meta = new ArrayList<>();
    for (int i = 0; i < skipLines; i++) {
      String line = reader.readLine();
      if (line == null) {
        throw new DataException(name, i + 1, null, "the file ends within the " + skipLines
            + " metadata lines expected before the header");
      }
      meta.add(i == 0 ? stripBom(line) : line);
    }
    this.metadata = Collections.unmodifiableList(meta);
    this.headerLine = skipLines + 1;
    this.parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader);
    this.records = parser.iterator();
    CSVRecord first;
    try {
      if (!records.hasNext()) {
        throw new DataException(name, headerLine, null, "expected a header row, found the end of the file");
      }
      first = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw malformed(name, headerLine, e);
    }
    List<String> h = new ArrayList<>();
    for (String field : first) {
      h.add(h.isEmpty() && skipLines == 0 ? stripBom(field).trim() : field.trim());
    }
    this.header = Collections.unmodifiableList(h);
  }

  /**
   * Opens a file.
   *
   * @param path the file (UTF-8)
   * @param skipLines metadata lines before the header, kept in {@link #metadata()}
   * @return the open file, positioned at the first data row
   * @throws DataException when the file cannot be read or has no header
   */
  public static CsvFile open(Path path, int skipLines) {
    try {
      return new CsvFile(path.toString(), Files.newBufferedReader(path, StandardCharsets.UTF_8), skipLines);
    } catch (IOException e) {
      throw new DataException(path.toString(), 0, null, readProblem(e), e);
    }
  }

  /**
   * Opens a reader, e.g. over a class-path resource.
   *
   * @param reader the text
   * @param name the name used in error messages
   * @param skipLines metadata lines before the header
   * @return the open file
   */
  public static CsvFile open(Reader reader, String name, int skipLines) {
    try {
      BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
      return new CsvFile(name, br, skipLines);
    } catch (IOException e) {
      throw new DataException(name, 0, null, readProblem(e), e);
    }
  }

  /**
   * What an I/O failure while reading text means to a user: bytes that are not UTF-8 (a binary
   * or differently encoded file) get their own message, because the JDK's ("Input length = 1")
   * says nothing.
   *
   * @param e the failure
   * @return the problem, for a {@link DataException}
   */
  public static String readProblem(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "is not UTF-8 text (it holds a byte sequence that is not UTF-8: a binary file, or text in another"
          + " encoding); save it as UTF-8 CSV";
    }
    return "cannot read the file: " + e.getMessage();
  }

  /** A parse failure of Commons CSV (bad quoting, bytes that are not UTF-8) as a located error. */
  private static DataException malformed(String name, long line, RuntimeException e) {
    Throwable cause = e.getCause();
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      cause = u.getCause();
    }
    if (cause instanceof IOException io && cause instanceof CharacterCodingException) {
      return new DataException(name, line, null, readProblem(io), e);
    }
    return new DataException(name, line, null, "malformed CSV: " + e.getMessage(), e);
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** @return the name used in messages (the path as given) */
  public String name() {
    return name;
  }

  /** @return the metadata lines before the header, raw */
  public List<String> metadata() {
    return metadata;
  }

  /**
   * The fields of a metadata line, parsed as CSV.
   *
   * @param line 1-based line number, at most the number of metadata lines
   * @return its fields, trimmed
   */
  public List<String> metadataFields(int line) {
    if (line < 1 || line > metadata.size()) {
      throw new DataException(name, line, null, "no such metadata line; the file has " + metadata.size()
          + " metadata lines before the header");
    }
    try (CSVParser p = CSVFormat.DEFAULT.parse(new java.io.StringReader(metadata.get(line - 1)))) {
      List<String> out = new ArrayList<>();
      for (CSVRecord r : p) {
        for (String f : r) {
          out.add(f.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new DataException(name, line, null, "malformed metadata line: " + e.getMessage(), e);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw malformed(name, line, e);
    }
  }

  /** @return the header's column names, trimmed */
  public List<String> header() {
    return header;
  }

  /** @return the 1-based line number of the header */
  public int headerLine() {
    return headerLine;
  }

  /**
   * @param column a column name
   * @return its position in the header
   * @throws DataException listing the columns that exist when there is no such column
   */
  public int column(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new DataException(name, headerLine, column, "no such column; the columns are " + header);
    }
    return i;
  }

  /**
   * @param column a column name
   * @return true when the header has it
   */
  public boolean hasColumn(String column) {
    return header.contains(column);
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw malformed(name, headerLine + parser.getCurrentLineNumber(), e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        // The header is record 1. Line numbers assume one line per record, which holds for the
        // data files this library reads (no quoted line breaks inside numeric tables).
        long line = headerLine + record.getRecordNumber() - 1;
        return new Row(record, line);
      }
    };
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One data row, with its line number and strict typed access. */
  public final class Row {
    private final CSVRecord record;
    private final long line;

    private Row(CSVRecord record, long line) {
      this.record = record;
      this.line = line;
      if (record.size() != header.size() && !(record.size() == 1 && record.get(0).isEmpty())) {
        throw new DataException(name, line, null, "expected " + header.size() + " fields as in the header (line "
            + headerLine + "), found " + record.size());
      }
    }

    /** @return the 1-based line number in the file */
    public long line() {
      return line;
    }

    /** @return true for an empty line (no fields) */
    public boolean isBlank() {
      return record.size() == 1 && record.get(0).isEmpty();
    }

    /** @return the number of fields */
    public int size() {
      return record.size();
    }

    /**
     * @param column field position
     * @return the raw field, trimmed
     */
    public String text(int column) {
      if (isBlank()) {
        throw new DataException(name, line, header.get(column), "the line is empty; expected " + header.size() + " fields");
      }
      return record.get(column).trim();
    }

    /**
     * @param column field position
     * @return the field as a finite number
     * @throws DataException when the field is empty, not a number or not finite
     */
    public double number(int column) {
      String text = text(column);
      String col = header.get(column);
      if (text.isEmpty()) {
        throw new DataException(name, line, col, "empty value; expected a number");
      }
      double v;
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new DataException(name, line, col, "expected a number, found '" + text + "'");
      }
      String problem = Finite.problem(v, text);
      if (problem != null) {
        throw new DataException(name, line, col, problem);
      }
      return v;
    }

    /**
     * @param column field position
     * @return the field as an integer
     * @throws DataException when it is not a whole number
     */
    public long integer(int column) {
      String text = text(column);
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new DataException(name, line, header.get(column), "expected a whole number, found '" + text + "'");
      }
    }

    /**
     * A whole number within bounds, so that it can be used as an {@code int} without wrapping
     * around (a month of 4294967297 must not become 1).
     *
     * @param column field position
     * @param min the least accepted value
     * @param max the largest accepted value
     * @return the field
     * @throws DataException when it is not a whole number or out of bounds
     */
    public int integer(int column, int min, int max) {
      String text = text(column);
      long v;
      try {
        v = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new DataException(name, line, header.get(column), "expected a whole number from " + min + " to " + max
            + ", found '" + text + "'");
      }
      if (v < min || v > max) {
        throw new DataException(name, line, header.get(column), text + " is out of range; expected " + min + " to "
            + max);
      }
      return (int) v;
    }

    /**
     * An error about one field of this row.
     *
     * @param column field position
     * @param problem what is wrong and what was expected
     * @return the exception, to throw
     */
    public DataException error(int column, String problem) {
      return new DataException(name, line, column < 0 ? null : header.get(column), problem);
    }
  }
}
