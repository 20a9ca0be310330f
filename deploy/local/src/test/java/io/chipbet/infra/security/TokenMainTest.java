package io.chipbet.infra.security;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenMainTest {

    @Test
    void defaultsToAnEditorForAnHour() {
        TokenMain.Request request = TokenMain.parse();
        assertEquals("editor-user", request.user());
        assertEquals(List.of("editor"), request.roles());
        assertEquals(Duration.ofHours(1), request.ttl());
        assertEquals(Path.of(".chipbet"), request.directory());
    }

    @Test
    void takesExplicitFlagsInBothForms() {
        TokenMain.Request request = TokenMain.parse("--user", "ana", "--role=viewer", "--role", "editor", "--role", "viewer",
                "--ttl", "30m", "--dir", "/tmp/state");
        assertEquals("ana", request.user());
        assertEquals(List.of("viewer", "editor"), request.roles());
        assertEquals(Duration.ofMinutes(30), request.ttl());
        assertEquals(Path.of("/tmp/state"), request.directory());
        assertEquals(Duration.ofSeconds(90), TokenMain.duration("90"));
        assertEquals(Duration.ofDays(7), TokenMain.duration("7d"));
        assertEquals(Duration.ofMinutes(90), TokenMain.duration("PT1H30M"));
    }

    @Test
    void refusesWhatIsNoFlagRatherThanMintingForIt() {
        assertTrue(refusal("--help").contains("unknown option '--help'"));
        assertTrue(refusal("bob").contains("unexpected argument 'bob'"));
        assertTrue(refusal("--user").contains("--user needs a value"));
        assertTrue(refusal("--user", "--help").contains("--user needs a value"));
        assertTrue(refusal("--ttl", "soon").contains("no duration"));
        assertTrue(refusal("--ttl", "0").contains("more than 0"));
        assertTrue(refusal("--ttl", "400d").contains("at most 366 days"));
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> TokenMain.parse(args)).getMessage();
    }
}
