namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>One Shopify orders/create delivery, built and signed before the clock starts.</summary>
internal sealed record SignedWebhook(long OrderId, int Customer, byte[] Body, string Signature, string EventId);
