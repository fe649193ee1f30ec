package dev.mistralboot.autoconfigure.tools;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.FunctionDefinition;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.chat.tools.ChatTestServer;
import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.MistralToolRoundsExceededException;
import dev.mistralboot.client.chat.tools.ToolCallback;
import dev.mistralboot.client.chat.tools.ToolConversation;
import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolParam;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.test.MistralWireMock;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MistralToolsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class,
				MistralToolsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=sk-test-5e3a9c0f1d", "mistral.base-url=http://127.0.0.1:9");

	@Test
	void registryHoldsTheToolMethodsOfBeansAndTheCallbackBeans() {
		this.runner.withUserConfiguration(Tools.class).run((context) -> {
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThat(registry.names()).containsExactlyInAnyOrder("retrieve_payment_status", "list_tools", "echo");
			assertThat(registry.maxRounds()).isEqualTo(ToolRegistry.DEFAULT_MAX_ROUNDS);
			assertThat(registry.failurePolicy()).isEqualTo(ToolFailurePolicy.REPORT_TO_MODEL);
			assertThat(registry.get("retrieve_payment_status").call("{\"transaction_id\":\"T1001\"}"))
				.isEqualTo("{\"status\":\"Paid\"}");
			assertThat(context.getBean(PaymentTools.class).calls).hasValue(1);
			assertThat(registry.get("list_tools").call("{}").split(",")).hasSize(3);
		});
	}

	@Test
	void propertiesSetTheLoop() {
		this.runner.withUserConfiguration(Tools.class)
			.withPropertyValues("mistral.tools.max-rounds=3", "mistral.tools.failure-policy=throw")
			.run((context) -> {
				ToolRegistry registry = context.getBean(ToolRegistry.class);
				assertThat(registry.maxRounds()).isEqualTo(3);
				assertThat(registry.failurePolicy()).isEqualTo(ToolFailurePolicy.THROW);
			});
	}

	/**
	 * A family is created, and its settings checked, when the application first uses it:
	 * here, at start-up.
	 */
	@Test
	void badMaxRoundsFailsTheStartWithWhatToFix() {
		this.runner.withBean(UsesTools.class)
			.withPropertyValues("mistral.tools.max-rounds=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("maxRounds must be at least 1, was 0 (set mistral.tools.max-rounds)"));
	}

	@Test
	void emptyRegistryWithoutTools() {
		this.runner.run((context) -> assertThat(context.getBean(ToolRegistry.class).isEmpty()).isTrue());
	}

	@Test
	void canBeDisabledOrReplaced() {
		this.runner.withPropertyValues("mistral.tools.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ToolRegistry.class));
		ToolRegistry own = ToolRegistry.builder().build();
		this.runner.withBean(ToolRegistry.class, () -> own)
			.run((context) -> assertThat(context).getBean(ToolRegistry.class).isSameAs(own));
	}

	@Test
	void proxiedBeansAreFoundAndInvokedThroughTheirProxy() {
		Proxied.intercepted.set(0);
		this.runner.withUserConfiguration(Proxied.class).run((context) -> {
			assertThat(AopUtils.isJdkDynamicProxy(context.getBean("clock"))).isTrue();
			assertThat(AopUtils.isCglibProxy(context.getBean("paymentTools"))).isTrue();
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThat(registry.names()).containsExactlyInAnyOrder("current_date", "retrieve_payment_status");
			assertThat(registry.get("current_date").call("")).isEqualTo("2021-10-05");
			assertThat(registry.get("retrieve_payment_status").call("{\"transaction_id\":\"T1001\"}"))
				.isEqualTo("{\"status\":\"Paid\"}");
			assertThat(Proxied.intercepted).hasValue(2);
		});
	}

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	@Test
	void chatClientRunsTheToolBeansOverHttp() {
		ChatTestServer server = new ChatTestServer(wireMock);
		server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("Your transaction T1001 is Paid."));
		this.runner.withUserConfiguration(Tools.class)
			.withPropertyValues("mistral.base-url=" + server.baseUrl())
			.run((context) -> {
				MistralChatClient chat = context.getBean(MistralChatClient.class);
				ToolConversation conversation = chat.withTools(context.getBean(ToolRegistry.class))
					.complete(ChatCompletionRequest.builder().user("Status of T1001?").build());
				assertThat(conversation.text()).isEqualTo("Your transaction T1001 is Paid.");
				assertThat(context.getBean(PaymentTools.class).calls).hasValue(1);
			});
		assertThat(server.requests()).hasSize(2);
		assertThat(server.requests().get(1).get("messages").get(2).get("content").asString())
			.isEqualTo("{\"status\":\"Paid\"}");
	}

	@Test
	void reactiveChatClientRunsTheToolBeansOffTheEventLoop() {
		ChatTestServer server = new ChatTestServer(wireMock);
		server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.answer("Your transaction T1001 is Paid."));
		this.runner.withUserConfiguration(Tools.class)
			.withPropertyValues("mistral.base-url=" + server.baseUrl())
			.run((context) -> {
				ReactiveMistralChatClient chat = context.getBean(ReactiveMistralChatClient.class);
				ToolConversation conversation = chat.withTools(context.getBean(ToolRegistry.class))
					.complete(ChatCompletionRequest.builder().user("Status of T1001?").build())
					.block(Duration.ofSeconds(30));
				assertThat(conversation.text()).isEqualTo("Your transaction T1001 is Paid.");
				assertThat(conversation.toolRounds()).isEqualTo(1);
				PaymentTools tools = context.getBean(PaymentTools.class);
				assertThat(tools.calls).hasValue(1);
				assertThat(tools.threads).singleElement()
					.satisfies((thread) -> assertThat(thread).startsWith("boundedElastic-"));
			});
		assertThat(server.requests()).hasSize(2);
		assertThat(server.requests().get(1).get("messages").get(2).get("content").asString())
			.isEqualTo("{\"status\":\"Paid\"}");
	}

	@Test
	void reactiveLoopFollowsTheToolsProperties() {
		ChatTestServer server = new ChatTestServer(wireMock);
		server.answers(
				ChatTestServer.toolCalls(
						ChatTestServer.call("round0001", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}")),
				ChatTestServer.toolCalls(ChatTestServer.call("round0002", "retrieve_payment_status",
						"{\"transaction_id\": \"T1001\"}")));
		this.runner.withUserConfiguration(Tools.class)
			.withPropertyValues("mistral.base-url=" + server.baseUrl(), "mistral.tools.max-rounds=1")
			.run((context) -> assertThatExceptionOfType(MistralToolRoundsExceededException.class)
				.isThrownBy(() -> context.getBean(ReactiveMistralChatClient.class)
					.withTools(context.getBean(ToolRegistry.class))
					.complete(ChatCompletionRequest.builder().user("Status of T1001?").build())
					.block(Duration.ofSeconds(30)))
				.withMessageContaining("after 1 tool rounds"));
		assertThat(server.requests()).hasSize(2);
	}

	record Status(String status) {
	}

	/** A tool bean written as in an application. */
	public static class PaymentTools {

		final AtomicInteger calls = new AtomicInteger();

		final List<String> threads = new CopyOnWriteArrayList<>();

		@MistralTool(name = "retrieve_payment_status", description = "Get payment status of a transaction")
		public Status status(@ToolParam(name = "transaction_id", description = "The transaction id.") String id) {
			this.calls.incrementAndGet();
			this.threads.add(Thread.currentThread().getName());
			return new Status("T1001".equals(id) ? "Paid" : "Unknown");
		}

	}

	/** A tool declared on an interface, for JDK proxies. */
	public interface Clock {

		@MistralTool(name = "current_date", description = "Today's date")
		String today();

	}

	public static class FixedClock implements Clock {

		@Override
		public String today() {
			return "2021-10-05";
		}

	}

	/**
	 * A tool bean that needs the registry itself: it must not be created to build the
	 * registry.
	 */
	public static class Delegating {

		private final ToolRegistry registry;

		Delegating(ToolRegistry registry) {
			this.registry = registry;
		}

		@MistralTool(name = "list_tools", description = "Names of the tools")
		public String list() {
			return String.join(",", this.registry.names());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Tools {

		@Bean
		PaymentTools paymentTools() {
			return new PaymentTools();
		}

		@Bean
		Delegating delegating(ToolRegistry registry) {
			return new Delegating(registry);
		}

		@Bean
		ToolCallback echo() {
			return ToolCallback.of(new FunctionDefinition("echo", "Echoes", null, java.util.Map.of("type", "object")),
					(arguments) -> arguments);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Proxied {

		static final AtomicInteger intercepted = new AtomicInteger();

		@Bean
		Clock clock() {
			return new FixedClock();
		}

		@Bean
		PaymentTools paymentTools() {
			return new PaymentTools();
		}

		@Bean
		static BeanNameAutoProxyCreator proxies() {
			BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
			creator.setBeanNames("clock", "paymentTools");
			creator.setInterceptorNames("counting");
			return creator;
		}

		@Bean
		MethodInterceptor counting() {
			return (invocation) -> {
				intercepted.incrementAndGet();
				return invocation.proceed();
			};
		}

	}

	/**
	 * An application bean that uses the tool registry.
	 *
	 * @param registry the registry
	 */
	record UsesTools(ToolRegistry registry) {
	}

}
