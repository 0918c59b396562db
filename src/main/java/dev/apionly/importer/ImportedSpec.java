package dev.apionly.importer;

import java.util.List;

/** One spec import writes: its file name, its text, and what the user must know about it. */
public record ImportedSpec(String fileName, String name, String text, List<String> warnings) {

  public ImportedSpec {
    warnings = List.copyOf(warnings);
  }
}
