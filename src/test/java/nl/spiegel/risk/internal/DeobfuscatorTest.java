package nl.spiegel.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeobfuscatorTest {
    private static final Set<String> WORDS = Set.of("zelfmoord", "kill", "myself", "leven", "ik", "wil", "dood", "i",
            "want", "to", "die", "pillen", "2nite", "suicide", "polsen", "bloed", "pills");
    private final Deobfuscator d = new Deobfuscator(WORDS::contains, WORDS::contains);

    private String plain(String s) {
        return d.normalise(s).text();
    }

    @Test
    void digitsAndSymbolsInsideWordsBecomeLetters() {
        assertThat(plain("ik denk aan z3lfm00rd")).isEqualTo("ik denk aan zelfmoord");
        assertThat(plain("i want to k!ll myself")).isEqualTo("i want to kill myself");
        assertThat(plain("$uicide")).isEqualTo("suicide");
        assertThat(plain("ik wil niet meer 1even")).isEqualTo("ik wil niet meer leven");
        assertThat(plain("k1ll mys3lf")).isEqualTo("kill myself");
    }

    @Test
    void numbersUnitsAndPunctuationStayAsWritten() {
        assertThat(plain("ik heb 30 pillen van 10mg")).isEqualTo("ik heb 30 pillen van 10mg");
        assertThat(plain("help! nu!")).isEqualTo("help! nu!");
        assertThat(plain("2nite")).isEqualTo("2nite");
        assertThat(plain("bel 0800-0113 of +31 6")).isEqualTo("bel 0800-0113 of +31 6");
    }

    @Test
    void invisibleCharactersMarksAndLookAlikesAreUndone() {
        assertThat(plain("zelf\u200bmo\u200dord")).isEqualTo("zelfmoord");
        assertThat(plain("z\u0336e\u0336l\u0336f\u0336")).isEqualTo("zelf");
        assertThat(plain("z\u0435lfm\u043e\u043erd")).isEqualTo("zelfmoord");
        assertThat(plain("su\u0456\u0441\u0456d\u0435")).isEqualTo("suicide");
        assertThat(plain("\u03bf\u03c1")).as("Greek omicron and rho").isEqualTo("op");
        assertThat(plain("\uff44\uff4f\uff4f\uff44")).isEqualTo("dood");
        assertThat(plain("\ud835\udc1d\ud835\udc22\ud835\udc1e")).isEqualTo("die");
    }

    @Test
    void aCapitalIInsideALowerCaseWordIsReadAsSmallLWhenOnlyThatIsAWord() {
        assertThat(plain("m'n poIsen, veeI bIoed")).isEqualTo("m'n polsen, veeI bloed");
        assertThat(plain("p o I s e n")).as("spelled out").isEqualTo("polsen");
        assertThat(plain("Ik wil Ilse, McIntosh")).as("a capital at the start, or no word either way")
                .isEqualTo("Ik wil Ilse, McIntosh");
    }

    @Test
    void spelledOutLettersAreJoinedAndSplitIntoKnownWords() {
        assertThat(plain("ik wil z e l f m o o r d plegen")).isEqualTo("ik wil zelfmoord plegen");
        assertThat(plain("k.i.l.l m.y.s.e.l.f")).isEqualTo("kill myself");
        assertThat(plain("i w a n t t o d i e")).isEqualTo("i want to die");
        assertThat(plain("i k  w i l  d o o d")).isEqualTo("ik  wil  dood");
        assertThat(plain("plan a of b")).isEqualTo("plan a of b");
    }

    @Test
    void spacedSeparatorsAndStretchedLettersBetweenThemAreJoinedToo() {
        assertThat(plain("z - e - l - f - m - o - o - r - d")).isEqualTo("zelfmoord");
        assertThat(plain("k-iiii-l-l m-y-s-e-l-f")).isEqualTo("kill myself");
        assertThat(plain("z . e . l . fff . m . o . o . r . d")).isEqualTo("zelfmoord");
        assertThat(plain("het werd 3 - 1 voor ons")).as("a score is no spelled-out word")
                .isEqualTo("het werd 3 - 1 voor ons");
    }

    @Test
    void offsetsPointIntoWhatThePersonWrote() {
        String original = "ik wil z e l f m o o r d";
        Deobfuscator.Result r = d.normalise(original);
        int at = r.text().indexOf("zelfmoord");
        assertThat(r.start(at, original.length())).isEqualTo(original.indexOf('z'));
        assertThat(r.end(at + "zelfmoord".length(), original)).isEqualTo(original.length());
        assertThat(d.normalise("gewoon een zin").origin()).as("plain text is not copied").isNull();
    }

    @Test
    void theBolderReadingTakesADigitStandingAloneAsALetter() {
        assertThat(d.normaliseBoldly("can 1 w4nt to d13").text()).isEqualTo("can i want to die");
        assertThat(d.normaliseBoldly("z-3-l-f-m-o-o-r-d").text()).isEqualTo("zelfmoord");
        assertThat(plain("ik heb 3 pillen")).as("the plain reading keeps the number").isEqualTo("ik heb 3 pillen");
    }
}
