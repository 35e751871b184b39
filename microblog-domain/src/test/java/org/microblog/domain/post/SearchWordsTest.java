package org.microblog.domain.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsLowerCasedOnceEach() {
        assertEquals(
                List.of("coffee", "at", "9", "the", "cafe2go"), SearchWords.of("Coffee at 9, the CAFÉ2GO... coffee!"));
    }

    @Test
    void accentsAreTakenOffWhetherComposedOrNot() {
        assertEquals(List.of("cafe", "senor", "uber"), SearchWords.of("Café señor\u0301 u\u0308ber"));
        assertEquals(List.of("cafe"), SearchWords.of("CAFE\u0301"));
    }

    @Test
    void quotesOperatorsAndLikeWildcardsAreNotWords() {
        assertEquals(List.of("a", "b", "c", "d"), SearchWords.of("\"a\" & !b | c:* %_\\ (d)"));
        assertEquals(List.of(), SearchWords.of("%_\\'\";--"));
    }

    @Test
    void otherScriptsAndDigitsAreWordsEmojiAndLoneSurrogatesAreNot() {
        assertEquals(List.of("東京", "привет", "42"), SearchWords.of("東京 Привет 😀 42 \uD800"));
    }

    @Test
    void aLongWordIsKeptAsItsBeginning() {
        String word = "a".repeat(SearchWords.MAX_WORD_LENGTH);

        assertEquals(List.of(word, "b"), SearchWords.of(word + "aaaa b"));
    }

    @Test
    void compatibilityFormsAreFolded() {
        assertEquals(List.of("fish", "abc"), SearchWords.of("ﬁsh ＡＢＣ"));
    }
}
