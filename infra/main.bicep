// ChurnFunctions on Azure Functions: a Flex Consumption (Linux) app running the dotnet-isolated .NET 10 worker,
// its storage account reached only through the app's system-assigned managed identity (shared keys are disabled),
// and Application Insights on a Log Analytics workspace. Deploy at resource-group scope; see infra/README.md.
targetScope = 'resourceGroup'

@description('Region for every resource. It must offer Flex Consumption with dotnet-isolated 10.0 (see infra/README.md).')
param location string = resourceGroup().location

// Sites allow 60 characters, but the other resource names carry a prefix: 'plan-' (a plan allows 60) and 'log-' (a
// workspace allows 63). 55 is the longest app name for which every derived name fits.
@description('Function app name; also the first label of its default host name. Prefixed, it names the plan, the workspace and Application Insights.')
@minLength(2)
@maxLength(55)
param appName string = 'churn-${uniqueString(resourceGroup().id)}'

@description('Storage account for the Functions host, the ingest queues, the claim-check blobs and the tables.')
@minLength(3)
@maxLength(24)
param storageAccountName string = 'stchurn${uniqueString(resourceGroup().id)}'

@description('dotnet-isolated runtime version of the Flex Consumption app.')
param runtimeVersion string = '10.0'

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound on scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags for every resource.')
param tags object = {
  application: 'churnfunctions'
}

// Secrets. Empty values deploy, but then the matching source rejects every delivery (401).
@secure()
@description('Webhooks__Shopify__Secret: the Shopify app client secret (HMAC key).')
param shopifySecret string = ''

@secure()
@description('Webhooks__WooCommerce__Secret: the WooCommerce webhook secret.')
param wooCommerceSecret string = ''

@secure()
@description('Webhooks__Square__SignatureKey: the Square webhook subscription signature key.')
param squareSignatureKey string = ''

@secure()
@description('Api__Keys: the POS API key(s), checked against the x-api-key header.')
param apiKeys string = ''

@secure()
@description('Api__ReadKeys: the key(s) for the routes that show customer data. Empty means the POS keys open them.')
param apiReadKeys string = ''

@secure()
@description('Api__AdminKeys: the key(s) for exporting and erasing customer data. Empty means those routes refuse every request.')
param apiAdminKeys string = ''

@description('Webhooks__Square__NotificationUrl: the URL Square signs. Empty means this app\'s own /api/webhooks/square.')
param squareNotificationUrl string = ''

@description('Webhooks__DefaultRegion: ISO 3166 region (US, GB, IT, ...) whose numbering plan reads phone numbers given without a country code. Empty falls back to defaultCountryCode.')
param defaultRegion string = ''

@description('Webhooks__DefaultCountryCode: the earlier calling-code setting (digits), honoured as its main region when defaultRegion is empty.')
param defaultCountryCode string = '1'

@description('Webhooks__MaxBodyBytes: largest accepted webhook body.')
param webhookMaxBodyBytes int = 1048576

@description('Ingest__MaxInlineBytes: bodies larger than this travel as claim-check blobs, not inline in the queue message.')
param ingestMaxInlineBytes int = 46080

@description('Ingest__MaxDequeueCount: attempt on which the handler moves a message to the poison queue. Keep it equal to host.json extensions.queues.maxDequeueCount.')
param ingestMaxDequeueCount int = 5

@description('Ingest__RetryDelay: wait before a failed delivery\'s second attempt; each later wait doubles up to Ingest__MaxRetryDelay (defaults: 30 s, 1, 2, 4 min, so a refund waits 7.5 minutes for its order).')
param ingestRetryDelay string = '00:00:30'

@description('Ingest__MaxRetryDelay: longest wait between two attempts of a delivery.')
param ingestMaxRetryDelay string = '00:05:00'

@description('ScoreSchedule: NCRONTAB (UTC) of the nightly scoring.')
param scoreSchedule string = '0 30 2 * * *'

@description('EnrollSchedule: NCRONTAB (UTC) of the daily campaign enrollment, after the scoring.')
param enrollSchedule string = '0 0 3 * * *'

@description('RetentionSchedule: NCRONTAB (UTC) of the retention sweep; it deletes only while Privacy__RetentionMonths is set.')
param retentionSchedule string = '0 0 4 * * *'

@description('Privacy__IdentitySalt: HMAC key (at least 16 characters) for the identity hashes erasure keeps; without it erasure is refused.')
@secure()
param privacyIdentitySalt string = ''

@description('Privacy__RetentionMonths: transactions and raw bodies older than this are deleted; empty keeps them forever.')
param privacyRetentionMonths string = ''

@description('Alerts__StaffEmail: staff address for alerts; with no address and no webhook, alerts go to the outbox table.')
param alertsStaffEmail string = ''

@secure()
@description('Alerts__WebhookUrl: a Teams or Slack incoming-webhook URL for alerts (optional).')
param alertsWebhookUrl string = ''

@secure()
@description('SendGrid__ApiKey: without it email is recorded in the outbox table instead of sent.')
param sendGridApiKey string = ''

@description('SendGrid__FromEmail: the sender address.')
param sendGridFromEmail string = ''

@description('SendGrid__EventWebhookPublicKey: the Event Webhook verification key (base64 DER).')
param sendGridEventWebhookPublicKey string = ''

@description('Twilio__AccountSid: without it SMS is recorded in the outbox table instead of sent.')
param twilioAccountSid string = ''

@secure()
@description('Twilio__AuthToken: also verifies X-Twilio-Signature on callbacks.')
param twilioAuthToken string = ''

@description('Twilio__MessagingServiceSid.')
param twilioMessagingServiceSid string = ''

@secure()
@description('Feedback__SigningKey: signs exit-survey links (at least 32 characters).')
param feedbackSigningKey string = ''

// The same names as ChurnFunctions.Core/Triggers/Triggers.cs.
var ingestQueueName = 'ingest'
var ingestPoisonQueueName = '${ingestQueueName}-poison'
var ingestBodiesContainerName = 'ingest-bodies'
var deploymentContainerName = 'app-package'

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var storageRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Telemetry is accepted only with an Entra token: the app's identity, via Monitoring Metrics Publisher.
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource ingestBodiesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: ingestBodiesContainerName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource ingestQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: ingestQueueName
}

resource ingestPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: ingestPoisonQueueName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${appName}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
  dependsOn: [
    deploymentContainer
  ]
}

var squareUrl = empty(squareNotificationUrl) ? 'https://${functionApp.properties.defaultHostName}/api/webhooks/square' : squareNotificationUrl

// Every key of local.settings.sample.json, with two deliberate differences:
// - FUNCTIONS_WORKER_RUNTIME is absent: Flex Consumption rejects it; functionAppConfig.runtime says the same.
// - AzureWebJobsStorage is identity-based (__accountName + __credential) instead of a connection string. The host and
//   ChurnFunctions.Storage (StorageOptions binds the same section) both use the app's system-assigned identity.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
    Webhooks__Shopify__Secret: shopifySecret
    Webhooks__WooCommerce__Secret: wooCommerceSecret
    Webhooks__Square__SignatureKey: squareSignatureKey
    Webhooks__Square__NotificationUrl: squareUrl
    Webhooks__DefaultRegion: defaultRegion
    Webhooks__DefaultCountryCode: defaultCountryCode
    Webhooks__MaxBodyBytes: string(webhookMaxBodyBytes)
    Api__Keys: apiKeys
    Api__ReadKeys: apiReadKeys
    Api__AdminKeys: apiAdminKeys
    Ingest__MaxInlineBytes: string(ingestMaxInlineBytes)
    Ingest__MaxDequeueCount: string(ingestMaxDequeueCount)
    Ingest__RetryDelay: ingestRetryDelay
    Ingest__MaxRetryDelay: ingestMaxRetryDelay
    ScoreSchedule: scoreSchedule
    EnrollSchedule: enrollSchedule
    RetentionSchedule: retentionSchedule
    Privacy__IdentitySalt: privacyIdentitySalt
    Privacy__RetentionMonths: privacyRetentionMonths
    Alerts__StaffEmail: alertsStaffEmail
    Alerts__WebhookUrl: alertsWebhookUrl
    SendGrid__ApiKey: sendGridApiKey
    SendGrid__FromEmail: sendGridFromEmail
    SendGrid__EventWebhookPublicKey: sendGridEventWebhookPublicKey
    Twilio__AccountSid: twilioAccountSid
    Twilio__AuthToken: twilioAuthToken
    Twilio__MessagingServiceSid: twilioMessagingServiceSid
    Twilio__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    Feedback__SigningKey: feedbackSigningKey
    // Read by the self-host's queue listener only; in Azure, host.json extensions.queues governs. Kept equal to it.
    Queues__BatchSize: '16'
    Queues__NewBatchThreshold: '8'
    Queues__MaxDequeueCount: '5'
    Queues__VisibilityTimeout: '00:00:10'
    Queues__MaxVisibilityTimeout: '00:10:00'
    Queues__MaxPollingInterval: '00:00:02'
  }
}

// Blobs (host leases, claim checks, the deployment package), queues (ingest, poison) and tables (the data).
resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, functionApp.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource telemetryRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, functionApp.id, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Function app name, for `func azure functionapp publish`.')
output functionAppName string = functionApp.name

@description('Base URL of the HTTP functions (host.json routePrefix is "api").')
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}/api'

@description('Liveness probe.')
output healthUrl string = 'https://${functionApp.properties.defaultHostName}/api/health'

@description('Storage account the app uses through its identity.')
output storageAccountName string = storage.name

@description('Principal id of the app\'s system-assigned identity.')
output functionAppPrincipalId string = functionApp.identity.principalId
