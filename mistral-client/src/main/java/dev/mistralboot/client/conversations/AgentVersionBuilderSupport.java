package dev.mistralboot.client.conversations;

import org.jspecify.annotations.Nullable;

/**
 * {@code agentVersion(int)} for the builders whose agent version is a number or an alias.
 *
 * @param <B> the builder
 */
public interface AgentVersionBuilderSupport<B> {

	/**
	 * Sets the agent's version.
	 * @param agentVersion a version number ({@code "3"}) or an alias
	 * ({@code "production"}), or {@code null} for the agent's current version
	 * @return this builder
	 */
	B agentVersion(@Nullable String agentVersion);

	/**
	 * Sets the agent's version by number.
	 * @param agentVersion the version number
	 * @return this builder
	 */
	default B agentVersion(int agentVersion) {
		return agentVersion(Integer.toString(agentVersion));
	}

}
