package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Search in document libraries.
 *
 * @param toolConfiguration which functions to include, exclude or confirm, optional
 * @param libraryIds the libraries to search (at least one)
 */
@JsonTypeName("document_library")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DocumentLibraryTool(@Nullable ToolConfiguration toolConfiguration,
		List<String> libraryIds) implements Tool {

	/**
	 * Validates the tool.
	 */
	public DocumentLibraryTool {
		if (libraryIds == null || libraryIds.isEmpty()) {
			throw new IllegalArgumentException("A document library tool needs at least one library id");
		}
		libraryIds = List.copyOf(libraryIds);
	}

}
