package org.mentorshipgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The id rule itself, without Spark: what each step of it does to an id, and how a message shows an id. */
class PersonIdsTest {
    static final PersonIds KEEP = PersonIds.CASE_SENSITIVE, FOLD = PersonIds.CASE_INSENSITIVE;

    @Test
    void whiteSpaceAroundAnIdIsRemovedAndInsideItIsKept() {
        assertThat(KEEP.normalise(" p0010 ")).isEqualTo("p0010");
        assertThat(KEEP.normalise("\tp0010\r\n")).isEqualTo("p0010");
        assertThat(KEEP.normalise("\u00a0p0010\u202f")).isEqualTo("p0010"); // no-break spaces, as spreadsheets write
        assertThat(KEEP.normalise(" Ann  Lee ")).isEqualTo("Ann  Lee");
        assertThat(KEEP.normalise("   ")).isEmpty();
        assertThat(KEEP.normalise(null)).isNull();
    }

    @Test
    void decomposedAndComposedFormsAreOneId() {
        String nfd = "Jose\u0301", nfc = "Jos\u00e9";
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(KEEP.normalise(nfd)).isEqualTo(nfc);
        assertThat(KEEP.normalise(" " + nfd)).isEqualTo(nfc);
        assertThat(KEEP.normalise("\u1100\u1161")).isEqualTo("\uac00"); // Hangul jamo compose too
        // NFC, not NFKC: a compatibility character (the "fi" ligature) is left as written
        assertThat(KEEP.normalise("\ufb01")).isEqualTo("\ufb01");
    }

    @Test
    void caseIsKeptByDefaultAndFoldedTheSameWayInEveryLocaleWhenAsked() {
        assertThat(KEEP.normalise("Ana")).isEqualTo("Ana");
        assertThat(FOLD.normalise("Ana")).isEqualTo("ana");
        assertThat(FOLD.normalise("STRASSE")).isEqualTo(FOLD.normalise("Stra\u00dfe"));
        assertThat(FOLD.normalise("\u03a3\u03b9\u03c3")).isEqualTo(FOLD.normalise("\u03c3\u03b9\u03c2"));
        assertThat(FOLD.normalise("JOSE\u0301")).isEqualTo("jos\u00e9");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR")); // where "I".toLowerCase() is "ı"
            assertThat(FOLD.normalise("IVAN")).isEqualTo("ivan");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void theChangeIsNamedAndInvisibleCharactersAreShown() {
        assertThat(KEEP.change("p0010")).isEmpty();
        assertThat(KEEP.change("p0010 ")).isEqualTo("spaces");
        assertThat(KEEP.change(" Jose\u0301")).isEqualTo("spaces, decomposed");
        assertThat(KEEP.change("Ana")).isEmpty();
        assertThat(FOLD.change("Ana")).isEqualTo("case");
        assertThat(FOLD.change("ana")).isEmpty();
        assertThat(PersonIds.quoted("p1\t")).isEqualTo("'p1\\t'");
        assertThat(PersonIds.quoted("p1\u00a0")).isEqualTo("'p1\\u00A0'");
        assertThat(PersonIds.quoted("p1 ")).isEqualTo("'p1 '");
    }
}
