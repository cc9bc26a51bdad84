package dev.fray.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fray.sdk.query.MessageView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoMachineChannelTest {

    @TempDir
    Path work;

    @Test
    void theLaptopSeesOnlyTheMentionScopedToIt() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<MessageView> forOpus = TwoMachineChannel.run(work, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertEquals(1, forOpus.size(), log.toString(StandardCharsets.UTF_8));
        MessageView answer = forOpus.get(0);
        assertEquals("server", answer.origin());
        assertEquals("sonnet", answer.fromAgent());
        assertEquals(List.of("opus@laptop"), answer.mentions());
    }
}
