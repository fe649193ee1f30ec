package dev.mistralboot.client.agents;

import java.util.Arrays;
import java.util.List;

import dev.mistralboot.client.chat.Tool;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of the builders of {@link CreateAgentRequest} and
 * {@link UpdateAgentRequest}, which the generated builders implement.
 *
 * @param <B> the builder type
 */
public interface AgentRequestBuilderSupport<B> {

	/**
	 * Sets the agent's tools.
	 * @param tools the tools (functions, web search, code interpreter, image generation,
	 * document libraries, connectors)
	 * @return this builder
	 */
	B tools(@Nullable List<Tool> tools);

	/**
	 * Sets the agent's tools.
	 * @param tools the tools
	 * @return this builder
	 */
	default B tools(Tool... tools) {
		return tools(Arrays.asList(tools));
	}

	/**
	 * Sets the agents this one may hand the conversation to.
	 * @param handoffs agent ids (at least one when set)
	 * @return this builder
	 */
	B handoffs(@Nullable List<String> handoffs);

	/**
	 * Sets the agents this one may hand the conversation to.
	 * @param agentIds agent ids
	 * @return this builder
	 */
	default B handoffs(String... agentIds) {
		return handoffs(Arrays.asList(agentIds));
	}

}
