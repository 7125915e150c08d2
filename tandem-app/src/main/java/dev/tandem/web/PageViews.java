package dev.tandem.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Makes Spring Boot's Thymeleaf view resolver render pages with {@link BufferedPageView}. */
@Component
class PageViews implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ThymeleafViewResolver resolver) {
            resolver.setViewClass(BufferedPageView.class);
        }
        return bean;
    }
}
