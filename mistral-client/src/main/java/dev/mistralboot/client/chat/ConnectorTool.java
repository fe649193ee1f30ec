package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A custom connector (the API's {@code CustomConnector}).
 *
 * @param connectorId the connector's id (required)
 * @param authorization the credential the connector uses, optional (masked in
 * {@code toString()})
 * @param toolConfiguration which functions to include, exclude or confirm, optional
 */
@JsonTypeName("connector")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectorTool(String connectorId, @Nullable ConnectorAuthorization authorization,
		@Nullable ToolConfiguration toolConfiguration) implements Tool {

	/**
	 * Validates the tool.
	 */
	public ConnectorTool {
		if (connectorId == null || connectorId.isBlank()) {
			throw new IllegalArgumentException("A connector tool needs a connector_id");
		}
	}

}
