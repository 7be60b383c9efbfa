package com.wildrydes.lambdas.rfq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wildrydes.lambdas.common.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedRespondersTest {

    private final ExpectedResponders expected =
            new ExpectedResponders(List.of("UnicornManagementResource1", "UnicornManagementResource2", "Straße"));

    @Test
    void everySpellingOfAnExpectedNameStandsForItsConfiguredName() {
        for (String spelling : List.of(
                "UnicornManagementResource1",
                "unicornmanagementresource1",
                "  UNICORNMANAGEMENTRESOURCE1\t",
                "\uFF35nicornManagementResource\uFF11",
                "UnicornManagementResource1\u00A0")) {
            assertEquals(Optional.of("UnicornManagementResource1"), expected.configuredName(spelling), spelling);
        }
        assertEquals(Optional.of("Straße"), expected.configuredName("STRASSE"), "case folding, not just lower case");
    }

    @Test
    void aNameThatNoConfiguredNameNormalisesToIsNotExpected() {
        for (String madeUp : List.of(
                "Resource1",
                "resource1",
                "Resource1 ",
                "UnicornManagementResource3",
                "UnicornManagementResource 1",
                "UnicornManagementResource1\u200B",
                "")) {
            assertEquals(Optional.empty(), expected.configuredName(madeUp), madeUp);
        }
    }

    @Test
    void configuredNamesMustDifferAfterNormalising() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new ExpectedResponders(List.of("Resource1", " resource1")));
        assertEquals(
                "responder names must differ after normalising, got \"Resource1\" and \" resource1\"",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ExpectedResponders(List.of()));
    }

    @Test
    void theEnvironmentsListIsAJsonArrayOfStrings() {
        assertEquals(List.of("a", "b"), Json.parseStringArray("[\"a\",\"b\"]", "RESPONDER_NAMES"));
        assertEquals(
                "RESPONDER_NAMES must be a JSON array of strings, got an array with something other than strings",
                assertThrows(IllegalStateException.class, () -> Json.parseStringArray("[\"a\",1]", "RESPONDER_NAMES"))
                        .getMessage());
        assertThrows(IllegalStateException.class, () -> Json.parseStringArray("a,b", "RESPONDER_NAMES"));
    }

    @Test
    void aRefusedNameIsShownCutShort() {
        String message = new UnexpectedResponderException("R".repeat(1100), 10).getMessage();
        assertEquals(
                "responder: \"" + "R".repeat(100) + "...\" is not one of the 10 responders this request expects",
                message);
    }
}
