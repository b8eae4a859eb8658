package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a notebook must respect to run in a real IJava-compatible kernel, whatever order a user
 * runs its cells in. Each rule comes from a failure seen in IJava:
 * <ul>
 *   <li>imports only in the first code cell: an import in a later cell makes JShell recompile the
 *       earlier cells' snippets, and IJava's in-process engine cannot redefine their classes, so
 *       their variables come back as null. Users also re-run cells out of order, so "import before
 *       use" is not enough;
 *   <li>no cell ends with a {@code display(...)} call: display returns its display id, which the
 *       kernel would show again as the cell's value;
 *   <li>no path into {@code shared/}: the project's neighbouring data folder is not in a user's clone;
 *   <li>the kernel name is {@value #KERNEL}, the name the user guide's install steps give the kernel.
 * </ul>
 */
final class NotebookRules {
  /** The kernelspec name that IJava's and JJava's install steps in the user guide install. */
  static final String KERNEL = "java";

  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s", Pattern.MULTILINE);

  private NotebookRules() {}

  /** @return one line per broken rule; empty when the notebook follows them all */
  static List<String> violations(Notebook notebook) {
    List<String> out = new ArrayList<>();
    if (!KERNEL.equals(notebook.kernelName())) {
      out.add("kernelspec name is \"" + notebook.kernelName() + "\", the guide installs \"" + KERNEL + "\"");
    }
    List<ObjectNode> cells = notebook.codeCells();
    for (int i = 0; i < cells.size(); i++) {
      String source = Notebook.source(cells.get(i));
      String where = "code cell " + (i + 1) + ": ";
      if (i > 0 && IMPORT.matcher(source).find()) {
        out.add(where + "imports after the first code cell; move every import to the first code cell "
            + "(a late import resets earlier variables to null in IJava)");
      }
      if (lastStatement(source).startsWith("display(")) {
        out.add(where + "ends with display(...), whose display id IJava also shows as the cell's value; "
            + "end the cell with a statement");
      }
      if (source.contains("shared/")) {
        out.add(where + "reads from shared/, which a user's clone does not have");
      }
    }
    return out;
  }

  /** The cell's last non-blank line that is not a comment, stripped. */
  private static String lastStatement(String source) {
    String[] lines = source.split("\n");
    for (int k = lines.length - 1; k >= 0; k--) {
      String t = lines[k].strip();
      if (!t.isEmpty() && !t.startsWith("//")) {
        return t;
      }
    }
    return "";
  }
}
