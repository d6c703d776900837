"""The plugin host: discovery, manifests, lazy loading, the plugin context, intents and containment."""
