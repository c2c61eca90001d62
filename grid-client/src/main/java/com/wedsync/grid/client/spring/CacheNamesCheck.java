package com.wedsync.grid.client.spring;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.interceptor.CacheOperation;
import org.springframework.cache.interceptor.CacheOperationSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Fails the start when a cache annotation of the application names a cache the
 * {@link GridCacheManager} does not have, so that a misspelt name is found at start
 * rather than by Spring's "Cannot find cache" at the first call. It checks only what goes
 * to the grid: with caching enabled, the grid's cache manager the only one, no
 * {@link CachingConfigurer} (which may resolve caches its own way), and annotations that
 * name neither a cache manager nor a cache resolver.
 */
final class CacheNamesCheck implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;

    CacheNamesCheck(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        CacheOperationSource operations = this.beanFactory.getBeanProvider(CacheOperationSource.class).getIfUnique();
        String[] managers = this.beanFactory.getBeanNamesForType(CacheManager.class, false, false);
        if (operations == null || managers.length != 1
                || this.beanFactory.getBeanNamesForType(CachingConfigurer.class, false, false).length > 0
                || !(this.beanFactory.getBean(managers[0]) instanceof GridCacheManager grid)) {
            return;
        }
        Map<String, String> unknown = new TreeMap<>();
        for (String name : this.beanFactory.getBeanDefinitionNames()) {
            Class<?> type = targetClass(name);
            if (type != null && operations.isCandidateClass(type)) {
                ReflectionUtils.doWithMethods(type,
                        (method) -> collectUnknown(operations, method, type, grid.getCacheNames(), unknown),
                        ReflectionUtils.USER_DECLARED_METHODS);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownCacheException(unknown, grid.getCacheNames());
        }
    }

    private static void collectUnknown(CacheOperationSource operations, Method method, Class<?> type,
            Collection<String> known, Map<String, String> unknown) {
        Collection<CacheOperation> found = operations.getCacheOperations(method, type);
        if (found == null) {
            return;
        }
        for (CacheOperation operation : found) {
            if (!operation.getCacheManager().isEmpty() || !operation.getCacheResolver().isEmpty()) {
                continue;
            }
            for (String cache : operation.getCacheNames()) {
                if (!known.contains(cache)) {
                    unknown.putIfAbsent(cache, type.getSimpleName() + "." + method.getName());
                }
            }
        }
    }

    /**
     * The class whose annotations apply: the target of a created singleton (behind any
     * proxy), else the type its definition declares.
     */
    private Class<?> targetClass(String name) {
        Object singleton = this.beanFactory.containsSingleton(name) ? this.beanFactory.getSingleton(name) : null;
        if (singleton != null) {
            return AopUtils.getTargetClass(singleton);
        }
        Class<?> type = this.beanFactory.getType(name, false);
        return (type != null) ? ClassUtils.getUserClass(type) : null;
    }

}
