using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.Notifications;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The outbox as the email and SMS sender unless a provider adapter registered one first, and the alert channels
    /// the "Alerts" settings ask for; with none of them, alerts go to the outbox.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
        services.TryAddSingleton<ISmsSender, OutboxSmsSender>();

        var alerts = configuration.GetSection(AlertOptions.SectionName).Get<AlertOptions>() ?? new AlertOptions();
        if (!string.IsNullOrWhiteSpace(alerts.StaffEmail))
        {
            services.AddSingleton<IAlertChannel, EmailAlertChannel>();
        }

        if (!string.IsNullOrWhiteSpace(alerts.StaffPhone))
        {
            services.AddSingleton<IAlertChannel, SmsAlertChannel>();
        }

        if (!string.IsNullOrWhiteSpace(alerts.WebhookUrl))
        {
            services.AddHttpClient<IAlertChannel, IncomingWebhookAlertChannel>();
        }

        if (string.IsNullOrWhiteSpace(alerts.StaffEmail) && string.IsNullOrWhiteSpace(alerts.StaffPhone) && string.IsNullOrWhiteSpace(alerts.WebhookUrl))
        {
            services.AddSingleton<IAlertChannel, OutboxAlertChannel>();
        }

        return services;
    }
}
