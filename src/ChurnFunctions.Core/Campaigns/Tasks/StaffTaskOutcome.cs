namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>What staff record after a call; in JSON and the API kebab-case ("not-reached").</summary>
public enum StaffTaskOutcome
{
    /// <summary>Spoke to the customer. Closes the task.</summary>
    Reached,

    /// <summary>No answer. The task stays open to try again; its attempts count up.</summary>
    NotReached,

    /// <summary>The customer is buying again after the call. Closes the task.</summary>
    WonBack,

    /// <summary>The customer asked not to be called: closes this and every open task of theirs, and no campaign makes another.</summary>
    DoNotCall,
}
