package dev.mistralboot.client.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Redis test extension does when {@code redis-server} is not installed: skip
 * with a message outside CI, fail under {@code CI=true}, and say how to install it in
 * both cases.
 */
class RedisServerTests {

	@Test
	void nothingToDoWhenTheExecutableIsFound() {
		for (String ci : Arrays.asList(null, "", "false", "true")) {
			assertThat(RedisServer.whenMissing("/usr/bin/redis-server", ci)).isNull();
		}
	}

	@Test
	void skipsWithTheInstallCommandOutsideCi() {
		for (String ci : Arrays.asList(null, "", "false", "1", "yes")) {
			assertThat(RedisServer.whenMissing(null, ci)).isInstanceOf(TestAbortedException.class)
				.hasMessageContaining("redis-server is not installed")
				.hasMessageContaining("apt-get install -y redis-server")
				.hasMessageContaining(RedisServer.INSTALL)
				.hasMessageContaining("skipping");
		}
	}

	@Test
	void failsWithTheInstallCommandUnderCi() {
		for (String ci : List.of("true", "TRUE", " true ")) {
			assertThat(RedisServer.whenMissing(null, ci)).isInstanceOf(IllegalStateException.class)
				.isNotInstanceOf(TestAbortedException.class)
				.hasMessageContaining("redis-server is not installed")
				.hasMessageContaining(RedisServer.INSTALL)
				.hasMessageContaining("CI=true");
		}
	}

	@Test
	void theInstallCommandIsTheReadmeSetUpCommand() throws Exception {
		Path readme = null;
		for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				readme = dir.resolve("README.md");
				break;
			}
		}
		assertThat(readme).as("the project's README.md").isNotNull();
		assertThat(Files.readAllLines(readme)).contains(RedisServer.INSTALL);
	}

}
