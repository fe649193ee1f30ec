package dev.mistralboot.sample.agents;

import dev.mistralboot.client.agents.CreateAgentRequest;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.MistralException;
import dev.mistralboot.sample.agents.AgentBootstrap.Ensured;
import dev.mistralboot.sample.payments.PaymentTools;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The "payments" agent: a model with the application's {@code @MistralTool} payment
 * functions ({@link PaymentTools}) as its tools. It is ensured when the application has
 * started (found by name and reused, updated when its definition changed, created
 * otherwise; see {@link AgentBootstrap}), and again when Mistral no longer knows it (it
 * was deleted in the console, or the mock server forgot it).
 */
@Component
public class PaymentAgent {

	/** The agent's name, by which it is found again on the next start. */
	public static final String NAME = "payments";

	static final String INSTRUCTIONS = "You answer questions about payments. Look transactions up with the tools "
			+ "(ids such as T1001); never guess a status or a date. Answer in one or two sentences.";

	private static final Log logger = LogFactory.getLog(PaymentAgent.class);

	private final AgentBootstrap bootstrap;

	private final ToolRegistry tools;

	private final String model;

	private volatile @Nullable Ensured ensured;

	PaymentAgent(AgentBootstrap bootstrap, ToolRegistry tools, @Value("${sample.agent.model}") String model) {
		this.bootstrap = bootstrap;
		this.tools = tools;
		this.model = model;
	}

	/**
	 * The definition the agent is made from: the registry's function tools.
	 * @return the definition
	 */
	public CreateAgentRequest definition() {
		return CreateAgentRequest.builder()
			.name(NAME)
			.model(this.model)
			.description("Answers questions about the payments of the Mistral function-calling example")
			.instructions(INSTRUCTIONS)
			.tools(this.tools.tools())
			.build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureAtStartUp() {
		try {
			ensure();
		}
		catch (MistralException ex) {
			// the page retries when it first talks to the agent
			logger.warn("Could not ensure the '" + NAME + "' agent at start-up: " + ex.getMessage());
		}
	}

	/**
	 * Finds, updates or creates the agent now.
	 * @return the agent and what was done
	 */
	public synchronized Ensured ensure() {
		Ensured result = this.bootstrap.ensure(definition());
		this.ensured = result;
		return result;
	}

	/**
	 * The agent, ensured on first use.
	 * @return the agent as last ensured
	 */
	public Ensured current() {
		Ensured result = this.ensured;
		return (result != null) ? result : ensure();
	}

	/**
	 * Ensures the agent again after Mistral answered that the one known here does not
	 * exist.
	 * @param missingId the id Mistral did not know
	 * @return the agent as ensured now
	 */
	public synchronized Ensured recover(String missingId) {
		Ensured result = this.ensured;
		if (result != null && !result.agent().id().equals(missingId)) {
			return result; // another request recovered it already
		}
		logger.warn("Agent " + missingId + " no longer exists: ensuring '" + NAME + "' again");
		return ensure();
	}

}
