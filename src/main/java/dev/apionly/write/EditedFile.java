package dev.apionly.write;

import java.util.Objects;

/**
 * A file of the user's that apionly edits in place (only {@code sfdx-project.json}, for its own
 * replacement entries): the bytes the edit was made from and the bytes wanted. It goes through the
 * same journal as every generated file, so a failed or killed run leaves it as it was, and it is
 * never listed in the state file as apionly's own.
 */
public record EditedFile(String path, byte[] before, byte[] after) {

  /** The only path apionly edits without owning it. */
  public static final String PROJECT_FILE = SfdxProject.FILE_NAME;

  public EditedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!path.equals(PROJECT_FILE)) {
      throw new IllegalArgumentException("apionly edits no file of the user's but " + PROJECT_FILE);
    }
  }
}
