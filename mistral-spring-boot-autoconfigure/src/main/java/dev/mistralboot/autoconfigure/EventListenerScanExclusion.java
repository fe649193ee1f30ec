package dev.mistralboot.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
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
 * {@code AutoConfiguration.imports} lists (and on those configurations). An auto-proxy
 * creator that proxies one of those beans replaces the attribute with the bean's real
 * class, as it does for every proxied bean. A bean the application defines instead of
 * ours (every one of ours backs off) is not touched.
 */
final class EventListenerScanExclusion implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Set<String> configurations = new HashSet<>();
		for (String name : ImportCandidates.load(AutoConfiguration.class, beanFactory.getBeanClassLoader())) {
			if (name.startsWith("dev.mistralboot.autoconfigure.")) {
				configurations.add(name);
			}
		}
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (isOurs(definition.getFactoryBeanName(), configurations)
					|| isOurs(definition.getBeanClassName(), configurations)) {
				definition.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
			}
		}
	}

	/**
	 * Whether the name is one of our auto-configurations or of their nested
	 * configurations (the bean names of configuration classes are their class names).
	 */
	private static boolean isOurs(@Nullable String name, Set<String> configurations) {
		if (name == null) {
			return false;
		}
		int nested = name.indexOf('$');
		return configurations.contains((nested >= 0) ? name.substring(0, nested) : name);
	}

}
