package dev.mistralboot.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mistralboot.client.chat.MistralChatClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A minimal non-web Spring Boot application, started once per JVM by {@link StartupRun}:
 * it prints how long the JVM took to a started context, the bean definitions, the
 * singletons created, and the JDK HTTP clients built (their selector threads), then
 * exits. With the argument {@code chat} one of its beans injects the
 * {@link MistralChatClient} (when there is one): an application using one family. With
 * the argument {@code steps} it also prints what each kind of Spring start-up step cost
 * the main thread ({@link StepAccounting}).
 */
@SpringBootApplication
public class StartupApp {

	/**
	 * Starts the application and prints one line of figures.
	 * @param args {@code chat} for an application that injects the chat client,
	 * {@code steps} to print the cost of each kind of start-up step
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		List<String> arguments = Arrays.asList(args);
		boolean usesChat = arguments.contains("chat");
		StepAccounting steps = arguments.contains("steps") ? new StepAccounting() : null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		try (ConfigurableApplicationContext context = application.run("--mistral.api-key=startup-key",
				"--spring.main.banner-mode=off", "--logging.level.root=warn", "--startup.uses-chat=" + usesChat)) {
			long millis = ManagementFactory.getRuntimeMXBean().getUptime();
			long cpuMillis = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
			long allocatedKb = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
				.getCurrentThreadAllocatedBytes() / 1024;
			Set<String> singletons = Set.of(context.getBeanFactory().getSingletonNames());
			String mistral = Arrays.stream(context.getBeanDefinitionNames())
				.filter((name) -> name.toLowerCase(java.util.Locale.ROOT).contains("mistral"))
				.filter(singletons::contains)
				.sorted()
				.collect(Collectors.joining(","));
			long httpClients = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().endsWith("-SelectorManager"))
				.count();
			System.out.println("startup ms=" + millis + " cpu=" + cpuMillis + " allocatedKb=" + allocatedKb
					+ " definitions=" + context.getBeanDefinitionCount() + " singletons=" + singletons.size()
					+ " jdkHttpClients=" + httpClients + " mistralBeans=[" + mistral + "]");
			if (steps != null) {
				System.out.println("steps " + steps.line());
			}
		}
	}

	/**
	 * A bean of the application that uses the chat client.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("startup.uses-chat")
	static class ChatUser {

		ChatUser(ObjectProvider<MistralChatClient> chat) {
			// created here, at start-up, as an application's service injecting it would
			chat.getIfAvailable();
		}

	}

}
