package dev.mistralboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.event.EventListenerMethodProcessor;

/**
 * Keeps Spring's {@link EventListenerMethodProcessor} from reflecting on the beans the
 * Mistral auto-configurations define. At the end of start-up it lists the methods of
 * every bean definition's type looking for {@code @EventListener}, lazy beans included;
 * for our clients that loads every request and answer type named in their signatures
 * (about 170 classes, a quarter of what the starter added to a minimal application's
 * start-up), although none of our beans has such a method.
 * <p>
 * The processor asks {@link AutoProxyUtils#determineTargetClass} for the class to scan,
 * which answers the {@link AutoProxyUtils#ORIGINAL_TARGET_CLASS_ATTRIBUTE} of the
 * definition when it has one: this sets it to {@code Object}, which the processor skips,
 * on the definitions made by our auto-configurations, the ones the starter's
 * {@code AutoConfiguration.imports} lists (and on those configurations), and on the
 * clients {@link MistralClientsRegistrar} registers, made by the families'
 * {@code Mistral<Family>Beans} classes. An auto-proxy creator that proxies one of those
 * beans replaces the attribute with the bean's real class, as it does for every proxied
 * bean. A bean the application defines instead of ours (every one of ours backs off) is
 * not touched.
 */
final class EventListenerScanExclusion implements BeanFactoryPostProcessor {

	private static final String PACKAGE = "dev.mistralboot.autoconfigure.";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (isOurs(definition.getFactoryBeanName()) || isOurs(definition.getBeanClassName())) {
				definition.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
			}
		}
	}

	/**
	 * Whether the name is one of our auto-configurations or of their nested
	 * configurations (the bean names of configuration classes are their class names), or
	 * one of the families' factory classes ({@code MistralChatBeans}, ...), which make
	 * the clients {@link MistralClientsRegistrar} registers: the classes of this module
	 * whose names end in {@code AutoConfiguration} or {@code Beans}, told apart by name
	 * so that the imports file is not read a second time at start-up.
	 */
	static boolean isOurs(@Nullable String name) {
		if (name == null || !name.startsWith(PACKAGE)) {
			return false;
		}
		int nested = name.indexOf('$');
		String outer = (nested >= 0) ? name.substring(0, nested) : name;
		return outer.endsWith("AutoConfiguration") || outer.endsWith("Beans");
	}

}
