/**
 * Completions by an agent ({@code POST /v1/agents/completions}):
 * {@link dev.mistralboot.client.agents.MistralAgentsClient},
 * {@link dev.mistralboot.client.agents.ReactiveMistralAgentsClient} and
 * {@link dev.mistralboot.client.agents.AgentsCompletionRequest}. Messages, tools and
 * answers reuse the chat types. Managing agents themselves (the beta agents API) is not
 * part of this package.
 */
@NullMarked
package dev.mistralboot.client.agents;

import org.jspecify.annotations.NullMarked;
