using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Engagement;

public sealed class FeedbackServiceTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-01T12:00:00Z");
    private readonly MemoryFeedbackStore store = new();

    [Fact]
    public async Task A_valid_answer_is_stored_as_the_customers_latest_reason()
    {
        var service = Service();
        var token = FeedbackLinksTests.Links().Create("c1", Now.AddDays(1));

        var result = await service.SubmitAsync(new FeedbackSubmission(token, "product_quality", "  The soles wore out.  "), default);

        Assert.Equal(FeedbackOutcome.Stored, result.Outcome);
        Assert.Equal(new FeedbackEntry("c1", ChurnReason.ProductQuality, "The soles wore out.", Now), await store.GetLatestAsync("c1", default));
    }

    [Fact]
    public async Task An_unknown_reason_and_a_malformed_token_are_field_errors()
    {
        var result = await Service().SubmitAsync(new FeedbackSubmission("nope", "weather", null), default);

        Assert.Equal(FeedbackOutcome.Invalid, result.Outcome);
        Assert.Contains("token", result.Errors!.Keys);
        Assert.Contains("reason", result.Errors!.Keys);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task A_bad_signature_or_expired_token_is_unauthorized_and_stores_nothing()
    {
        var other = new FeedbackLinks(Options.Create(new FeedbackOptions { SigningKey = "a-different-key-that-is-long-enough-000" }), new EngagementRig.FixedClock(Now));
        var expired = FeedbackLinksTests.Links().Create("c1", Now.AddMinutes(-1));

        Assert.Equal(FeedbackOutcome.Unauthorized, (await Service().SubmitAsync(new(other.Create("c1", Now.AddDays(1)), "price", null), default)).Outcome);
        Assert.Equal(FeedbackOutcome.Unauthorized, (await Service().SubmitAsync(new(expired, "price", null), default)).Outcome);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task The_summary_counts_each_reason_in_the_period()
    {
        await store.SaveAsync(new FeedbackEntry("a", ChurnReason.Price, null, Now.AddDays(-2)), default);
        await store.SaveAsync(new FeedbackEntry("b", ChurnReason.Price, null, Now.AddDays(-1)), default);
        await store.SaveAsync(new FeedbackEntry("c", ChurnReason.Competitor, null, Now), default);
        await store.SaveAsync(new FeedbackEntry("d", ChurnReason.Service, null, Now.AddDays(-40)), default);

        var summary = await Service().SummaryAsync(DateOnly.FromDateTime(Now.AddDays(-7).UtcDateTime), DateOnly.FromDateTime(Now.UtcDateTime), default);

        Assert.Equal(3, summary.Total);
        Assert.Equal(new ReasonCount("price", 2, 0.6667), summary.Reasons[0]);
        Assert.Equal(1, summary.Reasons.Single(r => r.Reason == "competitor").Count);
        Assert.Equal(0, summary.Reasons.Single(r => r.Reason == "service").Count);
        Assert.Equal(7, summary.Reasons.Count);
    }

    [Theory]
    [InlineData("productQuality", ChurnReason.ProductQuality)]
    [InlineData("product quality", ChurnReason.ProductQuality)]
    [InlineData("NEEDS_CHANGED", ChurnReason.NeedsChanged)]
    [InlineData("other", ChurnReason.Other)]
    public void Reasons_read_in_the_usual_spellings(string text, ChurnReason expected)
    {
        Assert.True(ChurnReasons.TryParse(text, out var reason));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("weather")]
    [InlineData("")]
    public void Unknown_reasons_do_not_read(string text) => Assert.False(ChurnReasons.TryParse(text, out _));

    private FeedbackService Service()
    {
        var customers = new InMemoryCustomerStore();
        return new FeedbackService(
            FeedbackLinksTests.Links(), store, new CustomerMerger(customers, new InMemoryIdentityIndex()),
            Options.Create(new FeedbackOptions()), new EngagementRig.FixedClock(Now), NullLogger<FeedbackService>.Instance);
    }

    private sealed class MemoryFeedbackStore : IFeedbackStore
    {
        public List<FeedbackEntry> Entries { get; } = [];

        public Task SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken)
        {
            Entries.RemoveAll(e => e.CustomerId == entry.CustomerId && DateOnly.FromDateTime(e.At.UtcDateTime) == DateOnly.FromDateTime(entry.At.UtcDateTime));
            Entries.Add(entry);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<FeedbackEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FeedbackEntry>>([.. Entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) is var d && d >= from && d <= to)]);

        public Task<FeedbackEntry?> GetLatestAsync(string customerId, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.Where(e => e.CustomerId == customerId).MaxBy(e => e.At));
    }
}
