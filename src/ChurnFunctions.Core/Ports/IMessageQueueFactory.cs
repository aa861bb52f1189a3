namespace ChurnFunctions.Core.Ports;

public interface IMessageQueueFactory
{
    IMessageQueue Get(string queueName);
}
