package dev.apionly;

import dev.apionly.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs apionly in-process with captured output, as a user's shell would. */
public final class Cli {

  /** What one run printed and returned. */
  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }
}
