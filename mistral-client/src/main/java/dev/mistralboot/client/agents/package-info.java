/**
 * The agents API: {@link dev.mistralboot.client.agents.MistralAgentsClient} and
 * {@link dev.mistralboot.client.agents.ReactiveMistralAgentsClient} create, list, read,
 * update and delete agents ({@link dev.mistralboot.client.agents.Agent}), their versions
 * and version aliases, and run completions by an agent
 * ({@link dev.mistralboot.client.agents.AgentsCompletionRequest}, deprecated by Mistral
 * in favour of conversations). Tools, messages and answers reuse the chat types.
 */
@NullMarked
package dev.mistralboot.client.agents;

import org.jspecify.annotations.NullMarked;
