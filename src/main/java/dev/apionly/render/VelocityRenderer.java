package dev.apionly.render;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.exception.ExtendedParseException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.RuntimeConstants;

/**
 * Velocity, in strict mode, with every inserted value escaped for the file being written. Loads
 * templates from the jar, or from a user's directory given with {@code --templates}.
 */
public final class VelocityRenderer implements TemplateRenderer {

  private final VelocityEngine engine;
  private final String source;

  private VelocityRenderer(VelocityEngine engine, String source) {
    this.engine = engine;
    this.source = source;
  }

  /** The templates packaged with apionly. */
  public static VelocityRenderer builtIn() {
    Properties properties = common();
    properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
    properties.setProperty(
        "resource.loader.classpath.class",
        "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
    // parse each template once per run, not once per file rendered
    properties.setProperty("resource.loader.classpath.cache", "true");
    return new VelocityRenderer(engine(properties), "templates/");
  }

  /** Templates from {@code directory}; a template missing there is an error, not a fallback. */
  public static VelocityRenderer fromDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new TemplateException(
          Files.exists(directory)
              ? "is not a directory; --templates takes a directory of templates"
              : "templates directory " + directory + " does not exist");
    }
    Properties properties = common();
    properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file");
    properties.setProperty(
        "resource.loader.file.path", directory.toAbsolutePath().normalize().toString());
    properties.setProperty("resource.loader.file.cache", "true");
    return new VelocityRenderer(engine(properties), "");
  }

  private static Properties common() {
    Properties properties = new Properties();
    properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
    properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
    properties.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
    properties.setProperty("resource.default_encoding", "UTF-8");
    return properties;
  }

  private static VelocityEngine engine(Properties properties) {
    VelocityEngine engine = new VelocityEngine(properties);
    engine.init();
    return engine;
  }

  @Override
  public void prepare(String name) {
    try {
      engine.getTemplate(source + name, "UTF-8");
    } catch (RuntimeException | StackOverflowError e) {
      // render reports it, with the file it was rendering
    }
  }

  @Override
  public String render(String name, TemplateVars vars) {
    Template template;
    try {
      template = engine.getTemplate(source + name, "UTF-8");
    } catch (ResourceNotFoundException e) {
      throw new TemplateException(name, 0, 0, "template " + name + " not found in " + source());
    } catch (ParseErrorException e) {
      throw failure(name, "has a syntax error", e);
    } catch (StackOverflowError e) {
      throw tooDeep(name, "read");
    }
    Escaper escaper = Escaper.forTemplate(name);
    VelocityContext context = new VelocityContext();
    context.put("v", vars);
    EventCartridge cartridge = new EventCartridge();
    cartridge.addEventHandler(
        (ReferenceInsertionEventHandler)
            (ctx, reference, value) -> value == null ? null : escaper.escape(value.toString()));
    cartridge.attachToContext(context);
    TextWriter out = new TextWriter();
    try {
      template.merge(context, out);
    } catch (RuntimeException e) {
      throw failure(name, "failed", e);
    } catch (StackOverflowError e) {
      throw tooDeep(name, "rendered");
    }
    return out.toString();
  }

  /**
   * A template whose directives nest deeper than the stack: Velocity reads and renders them by
   * recursion, with no limit of its own.
   */
  private static TemplateException tooDeep(String name, String done) {
    return new TemplateException(
        name,
        0,
        0,
        "template " + name + " nests its directives too deeply to be " + done + "; nest them less");
  }

  /** Where Velocity names a place in a template, at the end of its messages. */
  private static final Pattern PLACE =
      Pattern.compile("\\s*at \\S*\\[line \\d+, column \\d+\\]\\.?");

  /**
   * Velocity's failure as an error at its line and column in {@code name}: the first line of its
   * message (a syntax error's list of what was expected is left out), without the place it names.
   */
  private static TemplateException failure(String name, String what, RuntimeException e) {
    int line = 0;
    int column = 0;
    if (e instanceof ParseErrorException at) {
      line = at.getLineNumber();
      column = at.getColumnNumber();
    } else if (e instanceof ExtendedParseException at) {
      line = at.getLineNumber();
      column = at.getColumnNumber();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String first = PLACE.matcher(message.lines().findFirst().orElse("")).replaceAll("").strip();
    // the token Velocity reads at the end of a template is a control character
    first = first.replace("\"\u001c\"", "the end of the template");
    return new TemplateException(
        name, line, column, "template " + name + " " + what + ": " + first);
  }

  /** A {@link java.io.StringWriter} without its lock: each render writes from one thread. */
  private static final class TextWriter extends Writer {
    private final StringBuilder text = new StringBuilder(8192);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** Where templates are read from, for messages. */
  public String source() {
    return source.isEmpty() ? "the templates directory" : "the built-in templates";
  }
}
