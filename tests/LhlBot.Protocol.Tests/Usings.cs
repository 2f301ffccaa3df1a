namespace LhlBot.Protocol.Tests;
