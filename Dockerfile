# One image for every role: the web dashboard by default; QUEUE_NAME selects a worker role.
#   docker build -t tiktok-monitor .
#   docker run -p 8080:8080 -v monitor-data:/data tiktok-monitor            # embedded SQLite in /data
#   docker run -e DATABASE_URL=postgres://... tiktok-monitor migrate         # apply migrations, then exit

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that a code change reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Monitor.Core/Monitor.Core.csproj Monitor.Core/
COPY Monitor.Web/Monitor.Web.csproj Monitor.Web/
RUN dotnet restore Monitor.Web/Monitor.Web.csproj
COPY Monitor.Core/ Monitor.Core/
COPY Monitor.Web/ Monitor.Web/
RUN dotnet publish Monitor.Web/Monitor.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
ENV ASPNETCORE_HTTP_PORTS=8080 \
    MONITOR_DATA_DIR=/data
# The base image's non-root user ($APP_UID, "app") owns the data volume.
RUN mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
VOLUME /data
EXPOSE 8080
# The app takes its own folder as its content root, so the working directory does not matter.
ENTRYPOINT ["dotnet", "/app/Monitor.Web.dll"]
