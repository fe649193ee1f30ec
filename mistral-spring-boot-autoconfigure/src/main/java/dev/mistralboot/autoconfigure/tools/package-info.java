/**
 * Auto-configuration of tool calling ({@code mistral.tools.*}): the
 * {@link dev.mistralboot.client.chat.tools.ToolRegistry} of the application's
 * {@link dev.mistralboot.client.chat.tools.MistralTool} methods and
 * {@link dev.mistralboot.client.chat.tools.ToolCallback} beans.
 */
@NullMarked
package dev.mistralboot.autoconfigure.tools;

import org.jspecify.annotations.NullMarked;
