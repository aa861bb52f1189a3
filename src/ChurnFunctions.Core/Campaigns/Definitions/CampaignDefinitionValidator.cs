using System.Text.RegularExpressions;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Checks a definition; errors are keyed by the JSON path of the offending field ("steps[1].then[0].templateId"),
/// the shape a 400 ProblemDetails carries. Null when the definition is valid.
/// </summary>
public static partial class CampaignDefinitionValidator
{
    public const int MaxSmsLength = 1600;
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    public static IReadOnlyDictionary<string, string[]>? Validate(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new ErrorBag();
        if (string.IsNullOrEmpty(definition.Id) || !CampaignIdPattern().IsMatch(definition.Id))
        {
            errors.Add("id", "Required: lower-case letters, digits and '-', starting with a letter or digit, at most 64.");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add("name", "Required.");
        }

        ValidateTrigger(definition.Trigger, errors);
        ValidateAudience(definition.Audience, errors);

        if (definition.HoldoutPercent is < 0 or >= 100 || double.IsNaN(definition.HoldoutPercent))
        {
            errors.Add("holdoutPercent", "Must be at least 0 and less than 100.");
        }

        if (definition.AttributionWindow <= TimeSpan.Zero || definition.AttributionWindow > MaxDuration)
        {
            errors.Add("attributionWindow", "Must be more than zero and at most 366 days.");
        }

        if (definition.Exit is null)
        {
            errors.Add("exit", "Required (omit it for the defaults).");
        }

        if (definition.Steps is null || definition.Steps.Count == 0)
        {
            errors.Add("steps", "At least one step is required.");
        }
        else
        {
            var context = new StepContext(errors, new HashSet<string>(StringComparer.Ordinal), definition.Exit?.OnPurchase ?? true);
            ValidateSteps(definition.Steps, "steps", couponIssued: false, context);
        }

        return errors.ToDictionaryOrNull();
    }

    private static void ValidateTrigger(CampaignTrigger? trigger, ErrorBag errors)
    {
        switch (trigger)
        {
            case null:
                errors.Add("trigger", $"Required: an object whose \"type\" is one of {CampaignChoices.Describe(CampaignChoices.TriggerTypes)}.");
                break;
            case SegmentEnteredTrigger t when !IsOneOf(t.Segment, ScoreNames.Segments):
                errors.Add("trigger.segment", $"Must be a segment scoring produces: one of {CampaignChoices.Describe(ScoreNames.Segments)}.");
                break;
            case AliveProbabilityBelowTrigger t when !(t.Threshold > 0 && t.Threshold < 1):
                errors.Add("trigger.threshold", "Must be between 0 and 1, exclusive.");
                break;
            case PurchaseOverdueTrigger t when t.Days is < 1 or > 3650:
                errors.Add("trigger.days", "Must be 1 to 3650.");
                break;
            case DaysAfterPurchaseTrigger t when t.Days is < 1 or > 3650:
                errors.Add("trigger.days", "Must be 1 to 3650.");
                break;
            case CategoryAbandonmentTrigger t when t.Category is not null && string.IsNullOrWhiteSpace(t.Category):
                errors.Add("trigger.category", "Omit it (any category) or name one.");
                break;
            case BirthdayTrigger t when t.DaysBefore is < 0 or > 60:
                errors.Add("trigger.daysBefore", "Must be 0 to 60.");
                break;
            case FixedDateTrigger t when t.Date == default:
                errors.Add("trigger.date", "Required.");
                break;
            case ChurnReasonTrigger t when !Enum.IsDefined(t.Reason):
                errors.Add("trigger.reason", $"Unknown churn reason: one of {CampaignChoices.Describe(CampaignChoices.ChurnReasons)}.");
                break;
        }
    }

    private static void ValidateAudience(AudienceFilter? audience, ErrorBag errors)
    {
        if (audience is null)
        {
            errors.Add("audience", "Required (omit it for everyone).");
            return;
        }

        ValidateNames(audience.Segments, "audience.segments", ScoreNames.Segments, errors);
        ValidateNames(audience.ValueTiers, "audience.valueTiers", ScoreNames.ValueTiers, errors);
        if (audience.RequiredConsent is null)
        {
            errors.Add("audience.requiredConsent", "Must be a list (may be empty).");
            return;
        }

        for (var i = 0; i < audience.RequiredConsent.Count; i++)
        {
            if (!Enum.IsDefined(audience.RequiredConsent[i]))
            {
                errors.Add($"audience.requiredConsent[{i}]", $"Unknown channel: one of {CampaignChoices.Describe(CampaignChoices.Channels)}.");
            }
        }
    }

    // A name scoring never produces would be accepted and match nobody: refuse it with the names that exist.
    private static void ValidateNames(IReadOnlyList<string>? names, string path, IReadOnlyList<string> valid, ErrorBag errors)
    {
        if (names is null)
        {
            errors.Add(path, "Must be a list (may be empty).");
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (!IsOneOf(names[i], valid))
            {
                errors.Add($"{path}[{i}]", $"Must be one of {CampaignChoices.Describe(valid)}.");
            }
        }
    }

    /// <summary>Returns whether a coupon has been issued on every path through <paramref name="steps"/>.</summary>
    private static bool ValidateSteps(IReadOnlyList<CampaignStep>? steps, string path, bool couponIssued, StepContext context)
    {
        if (steps is null)
        {
            context.Errors.Add(path, "Must be a list (may be empty).");
            return couponIssued;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            couponIssued = ValidateStep(steps[i], $"{path}[{i}]", couponIssued, context);
        }

        return couponIssued;
    }

    private static bool ValidateStep(CampaignStep? step, string path, bool couponIssued, StepContext context)
    {
        var errors = context.Errors;
        if (step is null)
        {
            errors.Add(path, "Must not be null.");
            return couponIssued;
        }

        if (string.IsNullOrEmpty(step.Id) || !StepIdPattern().IsMatch(step.Id))
        {
            errors.Add($"{path}.id", "Required: letters, digits, '-' and '_', at most 64.");
        }
        else if (!context.StepIds.Add(step.Id))
        {
            errors.Add($"{path}.id", $"Duplicate step id '{step.Id}': ids are unique across the campaign, branches included.");
        }

        switch (step)
        {
            case SendEmailStep email:
                if (string.IsNullOrWhiteSpace(email.TemplateId))
                {
                    errors.Add($"{path}.templateId", "Required: a SendGrid dynamic template id (d-...).");
                }

                if (email.TemplateData is null)
                {
                    errors.Add($"{path}.templateData", "Must be an object (may be empty).");
                    break;
                }

                foreach (var (key, value) in email.TemplateData)
                {
                    CheckPlaceholders(value, $"{path}.templateData.{key}", couponIssued, errors);
                }

                break;
            case SendSmsStep sms:
                if (string.IsNullOrWhiteSpace(sms.Text))
                {
                    errors.Add($"{path}.text", "Required.");
                    break;
                }

                if (sms.Text.Length > MaxSmsLength)
                {
                    errors.Add($"{path}.text", $"At most {MaxSmsLength} characters.");
                }

                CheckPlaceholders(sms.Text, $"{path}.text", couponIssued, errors);
                break;
            case WaitStep wait when wait.Duration <= TimeSpan.Zero || wait.Duration > MaxDuration:
                errors.Add($"{path}.duration", "Must be more than zero and at most 366 days.");
                break;
            case BranchStep branch:
                if (!Enum.IsDefined(branch.Condition))
                {
                    errors.Add($"{path}.condition", $"Unknown condition: one of {CampaignChoices.Describe(CampaignChoices.BranchConditions)}.");
                }
                else if (branch.Condition == BranchCondition.Purchase && context.ExitOnPurchase)
                {
                    errors.Add($"{path}.condition", "A purchase ends the campaign (exit.onPurchase): set it off to branch on a purchase.");
                }

                if (branch.Window <= TimeSpan.Zero || branch.Window > MaxDuration)
                {
                    errors.Add($"{path}.window", "Must be more than zero and at most 366 days.");
                }

                var afterThen = ValidateSteps(branch.Then, $"{path}.then", couponIssued, context);
                var afterElse = ValidateSteps(branch.Else, $"{path}.else", couponIssued, context);
                return afterThen && afterElse;
            case IssueCouponStep coupon:
                if (coupon.Prefix is null || !CouponPrefixPattern().IsMatch(coupon.Prefix))
                {
                    errors.Add($"{path}.prefix", "Upper-case letters, digits and '-', at most 12.");
                }

                if (coupon.Length is < CouponCodes.MinLength or > CouponCodes.MaxLength)
                {
                    errors.Add($"{path}.length", $"Must be {CouponCodes.MinLength} to {CouponCodes.MaxLength}.");
                }

                if (coupon.ValidFor is { } validFor && validFor <= TimeSpan.Zero)
                {
                    errors.Add($"{path}.validFor", "Must be more than zero, or omitted for no expiry.");
                }

                return true;
            case CreateStaffTaskStep task:
                if (string.IsNullOrWhiteSpace(task.Text))
                {
                    errors.Add($"{path}.text", "Required.");
                    break;
                }

                CheckPlaceholders(task.Text, $"{path}.text", couponIssued, errors);
                break;
        }

        return couponIssued;
    }

    private static void CheckPlaceholders(string? text, string path, bool couponIssued, ErrorBag errors)
    {
        var names = Placeholders.Find(text);
        var unknown = names.Where(n => !Placeholders.Known.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(path, $"Unknown placeholder {Placeholders.Describe(unknown)}; known: {Placeholders.Describe(Placeholders.Known)}.");
        }

        if (!couponIssued && names.Contains(Placeholders.CouponCode, StringComparer.Ordinal))
        {
            errors.Add(path, "{{couponCode}} needs an issueCoupon step before it on every path.");
        }
    }

    // Case-insensitive, as the audience compares, but in the one spelling: "At-Risk" is accepted, "AtRisk" is not.
    private static bool IsOneOf(string? name, IReadOnlyList<string> valid) =>
        !string.IsNullOrWhiteSpace(name) && valid.Contains(name, StringComparer.OrdinalIgnoreCase);

    private sealed record StepContext(ErrorBag Errors, HashSet<string> StepIds, bool ExitOnPurchase);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CampaignIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex StepIdPattern();

    [GeneratedRegex("^[A-Z0-9-]{0,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex CouponPrefixPattern();
}
