package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The one-pass check of references agrees with the part-by-part check that explains failures. */
class NamesPropertyTest {

  @Property(tries = 5000)
  void fastCheckAgreesWithPartByPart(
      @ForAll @StringLength(min = 1, max = 30) @Chars({'a', 'B', '7', '_', '-'}) String name) {
    assertEquals(
        Names.partProblem(name, Names.Reference.SINGLE) == null,
        Names.referenceProblem(name, Names.Reference.SINGLE) == null,
        name);
    assertEquals(
        Names.partProblem(name, Names.Reference.JOINED) == null,
        Names.referenceProblem(name, Names.Reference.JOINED) == null,
        name);
  }
}
