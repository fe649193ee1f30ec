package dev.mistralboot.client.chat.tools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.mistralboot.client.core.MistralJson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonSchemaGeneratorTests {

	private final JsonMapper mapper = MistralJson.defaultMapper();

	private final JsonSchemaGenerator generator = new JsonSchemaGenerator(this.mapper);

	@Test
	void recordWithNestedTypesEnumsListsMapsAndOptionalFields() {
		assertThat(json(this.generator.schemaOf(Order.class))).isEqualTo(tree("""
				{
				  "$defs": {
				    "Money": {
				      "type": "object",
				      "properties": {
				        "amount": {"type": "number", "description": "Amount in the currency's units"},
				        "currency": {"type": "string"}
				      },
				      "required": ["amount", "currency"],
				      "additionalProperties": false
				    }
				  },
				  "type": "object",
				  "properties": {
				    "number": {"type": "string", "description": "The order number"},
				    "priority": {"type": "string", "enum": ["low", "high"]},
				    "items": {
				      "type": "array",
				      "items": {
				        "type": "object",
				        "properties": {
				          "sku": {"type": "string"},
				          "quantity": {"type": "integer"},
				          "price": {"$ref": "#/$defs/Money"}
				        },
				        "required": ["sku", "quantity", "price"],
				        "additionalProperties": false
				      }
				    },
				    "total": {"$ref": "#/$defs/Money"},
				    "stock": {"type": "object", "additionalProperties": {"type": "integer"}},
				    "note": {"type": ["string", "null"]},
				    "deliveryDate": {"type": ["string", "null"], "format": "date"},
				    "coupon": {"type": "string"},
				    "customer_id": {"type": "string"},
				    "giftWrap": {"type": "boolean", "description": "Whether to wrap it as a gift"}
				  },
				  "required": ["number", "priority", "items", "total", "stock", "customer_id", "giftWrap"],
				  "additionalProperties": false
				}
				"""));
	}

	@Test
	void instancesWrittenByTheMapperConformToTheSchema() {
		Order order = new Order("A-1", Priority.HIGH,
				List.of(new LineItem("sku-1", 2, new Money(new BigDecimal("9.99"), "EUR"))),
				new Money(new BigDecimal("19.98"), "EUR"), Map.of("sku-1", 3), Optional.empty(), null, "SPRING", "C001",
				true);
		Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
			.getSchema(this.mapper.writeValueAsString(this.generator.schemaOf(Order.class)));
		List<Error> errors = schema.validate(this.mapper.valueToTree(order));
		assertThat(errors).isEmpty();
		List<Error> wrong = schema.validate(tree("""
				{"number":"A-1","priority":"urgent","items":[],"total":{"amount":1,"currency":"EUR"},"stock":{},
				 "customer_id":"C001","giftWrap":true,"extra":1}"""));
		assertThat(wrong).extracting(Error::getMessage)
			.hasSize(2)
			.anySatisfy((message) -> assertThat(message).contains("enumeration"))
			.anySatisfy((message) -> assertThat(message).startsWith("extra: property"));
	}

	@Test
	void genericTypes() {
		assertThat(json(this.generator.schemaOf(new org.springframework.core.ParameterizedTypeReference<List<Money>>() {
		}.getType()))).isEqualTo(
				tree("""
						{"type":"array","items":{"type":"object","properties":{
						  "amount":{"type":"number","description":"Amount in the currency's units"},"currency":{"type":"string"}},
						  "required":["amount","currency"],"additionalProperties":false}}"""));
	}

	@Test
	void methodParametersBecomeOneObjectWithSharedDefinitions() throws Exception {
		var method = Tools.class.getDeclaredMethod("find", String.class, Optional.class, Integer.class, Money.class,
				List.class, int.class);
		assertThat(json(this.generator.parametersOf(method))).isEqualTo(tree("""
				{
				  "type": "object",
				  "properties": {
				    "transaction_id": {"type": "string", "description": "The transaction id."},
				    "priority": {"type": "string", "enum": ["low", "high"]},
				    "limit": {"type": "integer"},
				    "budget": {"$ref": "#/$defs/Money"},
				    "history": {"type": "array", "items": {"$ref": "#/$defs/Money"}},
				    "page": {"type": "integer"}
				  },
				  "required": ["transaction_id", "budget", "history", "page"],
				  "additionalProperties": false,
				  "$defs": {
				    "Money": {
				      "type": "object",
				      "properties": {
				        "amount": {"type": "number", "description": "Amount in the currency's units"},
				        "currency": {"type": "string"}
				      },
				      "required": ["amount", "currency"],
				      "additionalProperties": false
				    }
				  }
				}
				"""));
	}

	@Test
	void twoParametersWithOneNameAreRejected() throws Exception {
		var method = Tools.class.getDeclaredMethod("unnamed", String.class, String.class);
		assertThatIllegalArgumentException().isThrownBy(() -> this.generator.parametersOf(method))
			.withMessageContaining("are named 'a'")
			.withMessageContaining("@ToolParam(name = ...)");
	}

	@Test
	void schemasOfTypesAreCached() {
		assertThat(this.generator.schemaOf(Order.class)).isSameAs(this.generator.schemaOf(Order.class));
	}

	private JsonNode json(Object value) {
		return this.mapper.valueToTree(value);
	}

	private JsonNode tree(String json) {
		return this.mapper.readTree(json);
	}

	enum Priority {

		LOW, HIGH;

		@JsonValue
		String wire() {
			return name().toLowerCase();
		}

	}

	record Money(@ToolParam(description = "Amount in the currency's units") BigDecimal amount, String currency) {
	}

	record LineItem(String sku, int quantity, Money price) {
	}

	record Order(@ToolParam(description = "The order number") String number, Priority priority, List<LineItem> items,
			Money total, Map<String, Integer> stock, Optional<String> note, @Nullable LocalDate deliveryDate,
			@ToolParam(required = false) String coupon, @JsonProperty("customer_id") String customerId,
			@JsonPropertyDescription("Whether to wrap it as a gift") boolean giftWrap) {
	}

	static class Tools {

		String find(@ToolParam(name = "transaction_id", description = "The transaction id.") String id,
				Optional<Priority> priority, @Nullable Integer limit, Money budget, List<Money> history, int page) {
			return "";
		}

		String unnamed(@ToolParam(name = "a") String first, @ToolParam(name = "a") String second) {
			return "";
		}

	}

}
