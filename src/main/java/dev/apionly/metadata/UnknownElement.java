package dev.apionly.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An element apionly has no field for (tab settings, application visibilities…), kept by name with
 * the text of each child, so nothing read is dropped silently.
 */
public record UnknownElement(String name, List<String> parts) {

  public UnknownElement {
    parts = List.copyOf(parts);
  }

  /** The element {@code name} as the XML reader delivered it: text, or a map of its children. */
  static UnknownElement of(String name, Object value) {
    List<String> parts = new ArrayList<>();
    if (value instanceof Map<?, ?> children) {
      children.forEach((child, content) -> addChild(parts, String.valueOf(child), content));
    } else {
      String text = text(value);
      if (!text.isEmpty()) {
        parts.add(text);
      }
    }
    return new UnknownElement(name, parts);
  }

  private static void addChild(List<String> parts, String child, Object content) {
    if (content instanceof List<?> repeated) {
      repeated.forEach(item -> addChild(parts, child, item));
    } else if (child.isEmpty()) {
      String text = text(content); // text beside child elements
      if (!text.isEmpty()) {
        parts.add(text);
      }
    } else {
      parts.add(child + "=" + text(content));
    }
  }

  /** All the text in {@code value}, in document order, each piece stripped. */
  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    Collection<?> pieces =
        value instanceof Map<?, ?> map ? map.values() : value instanceof List<?> list ? list : null;
    if (pieces == null) {
      return value.toString().strip();
    }
    return String.join(
        " ", pieces.stream().map(UnknownElement::text).filter(p -> !p.isEmpty()).toList());
  }

  /** {@code name: child=value, ...}, or the name alone when it holds nothing. */
  public String display() {
    return parts.isEmpty() ? name : name + ": " + String.join(", ", parts);
  }
}
