package dev.mistralboot.sample.agents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mistralboot.client.agents.Agent;
import dev.mistralboot.client.agents.CreateAgentRequest;
import dev.mistralboot.client.agents.ListAgentsRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.agents.UpdateAgentRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Makes sure an agent with a given definition exists, without creating a new one on every
 * start: agents are found by name; one whose definition is unchanged is reused, one whose
 * definition changed is updated (a new version), and one is created only when none has
 * the name. A definition is recognised by a digest of its model, instructions,
 * description and tools, kept in the agent's metadata under {@value #DIGEST_KEY}.
 */
@Component
public class AgentBootstrap {

	/** The metadata key holding the digest of the definition an agent was made from. */
	public static final String DIGEST_KEY = "sample_definition_digest";

	private static final Log logger = LogFactory.getLog(AgentBootstrap.class);

	private final MistralAgentsClient agents;

	private final JsonMapper json;

	AgentBootstrap(MistralAgentsClient agents, JsonMapper json) {
		this.agents = agents;
		this.json = json;
	}

	/**
	 * Finds, updates or creates the agent of a definition.
	 * @param definition the agent: its name (how it is found), model, instructions,
	 * tools; the digest is added to its metadata
	 * @return the agent and what was done
	 */
	public Ensured ensure(CreateAgentRequest definition) {
		String name = Objects.requireNonNull(definition.name(), "the definition needs a name");
		String digest = digest(definition);
		Map<String, Object> metadata = new LinkedHashMap<>();
		if (definition.metadata() != null) {
			metadata.putAll(definition.metadata());
		}
		metadata.put(DIGEST_KEY, digest);
		List<Agent> named = this.agents.listPages(ListAgentsRequest.builder().name(name).pageSize(100).build())
			.data()
			.stream()
			.filter((agent) -> name.equals(agent.name()))
			.toList();
		for (Agent agent : named) {
			if (digest.equals(digestOf(agent))) {
				logger.info("Agent '" + name + "' (" + agent.id() + ") is up to date: reused");
				return new Ensured(agent, Action.REUSED, digest);
			}
		}
		if (!named.isEmpty()) {
			Agent existing = named.get(0);
			Agent updated = this.agents.update(existing.id(),
					UpdateAgentRequest.builder()
						.model(definition.model())
						.instructions(definition.instructions())
						.description(definition.description())
						.tools(definition.tools())
						.metadata(metadata)
						.versionMessage("Definition changed in the sample application (digest " + digest + ")")
						.build());
			logger.info("Agent '" + name + "' (" + updated.id() + ") had another definition: updated to version "
					+ updated.version());
			return new Ensured(updated, Action.UPDATED, digest);
		}
		Agent created = this.agents.create(definition.toBuilder().metadata(metadata).build());
		logger.info("Agent '" + name + "' created: " + created.id());
		return new Ensured(created, Action.CREATED, digest);
	}

	/**
	 * The digest of a definition: the first 16 hex digits of the SHA-256 of its model,
	 * instructions, description and tools as JSON.
	 * @param definition the definition
	 * @return the digest
	 */
	public String digest(CreateAgentRequest definition) {
		Map<String, @Nullable Object> defining = new LinkedHashMap<>();
		defining.put("model", definition.model());
		defining.put("instructions", definition.instructions());
		defining.put("description", definition.description());
		defining.put("tools", definition.tools());
		byte[] text = this.json.writeValueAsString(defining).getBytes(StandardCharsets.UTF_8);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static @Nullable Object digestOf(Agent agent) {
		return (agent.metadata() != null) ? agent.metadata().get(DIGEST_KEY) : null;
	}

	/**
	 * What {@link #ensure} did.
	 */
	public enum Action {

		/** No agent had the name: one was created. */
		CREATED,

		/** An agent with the name and the same definition exists: it is used. */
		REUSED,

		/** An agent with the name had another definition: it was updated. */
		UPDATED

	}

	/**
	 * An ensured agent.
	 *
	 * @param agent the agent, as Mistral answered
	 * @param action what was done
	 * @param digest the digest of its definition
	 */
	public record Ensured(Agent agent, Action action, String digest) {
	}

}
