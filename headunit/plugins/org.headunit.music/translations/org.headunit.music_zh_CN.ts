<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MusicLibraryPanel</name>
    <message>
        <location filename="../qml/MusicLibraryPanel.qml" line="+68"/>
        <source>Delete playlist</source>
        <translation>删除播放列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shuffle</source>
        <translation>随机播放</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Play all</source>
        <translation>全部播放</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>MusicNowPlaying</name>
    <message>
        <location filename="../qml/MusicNowPlaying.qml" line="+40"/>
        <source>Nothing is playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Library</source>
        <translation>音乐库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Radio</source>
        <translation>电台</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Remove from favourites</source>
        <translation>从收藏中移除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to favourites</source>
        <translation>添加到收藏</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Plays when its USB drive is connected</source>
        <translation>连接其 USB 驱动器后播放</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Position in the song</source>
        <translation>歌曲进度</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Live</source>
        <extracomment>A radio stream or broadcast, as it happens (no seeking)</extracomment>
        <translation>直播</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shuffle on</source>
        <translation>随机播放：开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shuffle off</source>
        <translation>随机播放：关</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previous</source>
        <translation>上一首</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next</source>
        <translation>下一首</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repeat this song</source>
        <translation>单曲循环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat all</source>
        <translation>全部循环</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat off</source>
        <translation>循环：关</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quieter</source>
        <translation>减小音量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Louder</source>
        <translation>增大音量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add to a playlist</source>
        <translation>添加到播放列表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Up next</source>
        <translation>待播清单</translation>
    </message>
</context>
<context>
    <name>MusicPanelHeader</name>
    <message>
        <location filename="../qml/MusicPanelHeader.qml" line="+21"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>MusicPlaylistPicker</name>
    <message>
        <location filename="../qml/MusicPlaylistPicker.qml" line="+18"/>
        <source>Add to a playlist</source>
        <translation>添加到播放列表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name of the new playlist</source>
        <translation>新播放列表的名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New playlist</source>
        <translation>新建播放列表</translation>
    </message>
</context>
<context>
    <name>MusicQueue</name>
    <message>
        <location filename="../qml/MusicQueue.qml" line="+18"/>
        <source>Up next</source>
        <translation>待播清单</translation>
    </message>
</context>
<context>
    <name>MusicRadioPanel</name>
    <message>
        <location filename="../qml/MusicRadioPanel.qml" line="+22"/>
        <source>Internet</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FM</source>
        <extracomment>The FM radio band</extracomment>
        <translation>调频</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refresh the stations</source>
        <translation>刷新电台列表</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Lower frequency</source>
        <translation>降低频率</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>MHz</source>
        <translation>MHz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Higher frequency</source>
        <translation>提高频率</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listen</source>
        <translation>收听</translation>
    </message>
</context>
<context>
    <name>MusicSearchPanel</name>
    <message>
        <location filename="../qml/MusicSearchPanel.qml" line="+22"/>
        <source>Artists, albums, songs</source>
        <translation>艺人、专辑、歌曲</translation>
    </message>
</context>
<context>
    <name>MusicStatusPanel</name>
    <message>
        <location filename="../qml/MusicStatusPanel.qml" line="+43"/>
        <source>Scan again</source>
        <translation>重新扫描</translation>
    </message>
</context>
<context>
    <name>MusicTile</name>
    <message>
        <location filename="../qml/MusicTile.qml" line="+15"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for its USB drive</source>
        <translation>等待其 USB 驱动器</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next</source>
        <translation>下一首</translation>
    </message>
</context>
<context>
    <name>MusicView</name>
    <message>
        <location filename="../qml/MusicView.qml" line="+18"/>
        <source>Now playing</source>
        <translation>正在播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>音乐库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radio</source>
        <translation>电台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library status</source>
        <translation>音乐库状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Albums</source>
        <translation>专辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artists</source>
        <translation>艺人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playlists</source>
        <translation>播放列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recently played</source>
        <translation>最近播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genres</source>
        <translation>流派</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>org.headunit.music</name>
    <message>
        <location filename="../music/status.py" line="+88"/>
        <source>Scanning: %1 of %2 files</source>
        <translation>正在扫描：%1 / %2 个文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for music…</source>
        <translation>正在查找音乐…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Every file could be read</source>
        <translation>所有文件均可读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 file could not be read</source>
        <translation>1 个文件无法读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files could not be read</source>
        <translation>%1 个文件无法读取</translation>
    </message>
    <message>
        <location filename="../music/store.py" line="+175"/>
        <location line="+10"/>
        <source>Added to “%1”</source>
        <translation>已添加到“%1”</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Playlist %1</source>
        <translation>播放列表 %1</translation>
    </message>
    <message>
        <location filename="../music/texts.py" line="+29"/>
        <source>Unknown artist</source>
        <translation>未知艺人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown album</source>
        <translation>未知专辑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown genre</source>
        <translation>未知流派</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>FM %1 MHz</source>
        <translation>调频 %1 MHz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 track</source>
        <translation>1 首歌曲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 tracks</source>
        <translation>%1 首歌曲</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 album</source>
        <translation>1 张专辑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 albums</source>
        <translation>%1 张专辑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 artist</source>
        <translation>1 位艺人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 artists</source>
        <translation>%1 位艺人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 file</source>
        <translation>1 个文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Offline · list updated %1</source>
        <translation>离线 · 列表%1更新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot play “%1”, skipped</source>
        <translation>无法播放“%1”，已跳过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing in the queue can be played</source>
        <translation>队列中没有可播放的内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” cannot be reached: trying again</source>
        <translation>无法连接“%1”，正在重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to play at %1</source>
        <translation>%1 没有可播放的内容</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This head unit has no music library</source>
        <translation>此车机没有音乐库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internet radio needs a connection; no station list is saved yet</source>
        <translation>网络电台需要联网；尚未保存电台列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No music found yet: copy some into the Music folder or plug in a USB stick</source>
        <translation>尚未找到音乐：请将音乐复制到“音乐”文件夹或插入U盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing found</source>
        <translation>未找到任何内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No playlists yet: add a song from the now playing page</source>
        <translation>还没有播放列表：请在正在播放页面添加歌曲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No favourites yet: tap the star while a song or station plays</source>
        <translation>还没有收藏：播放歌曲或电台时点按星标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Songs you play will show here</source>
        <translation>您播放过的歌曲将显示在这里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This playlist is empty</source>
        <translation>此播放列表为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No stations</source>
        <translation>没有电台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The music library cannot answer this</source>
        <translation>音乐库无法回答此请求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not on this car</source>
        <translation>不在此车上</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New playlist</source>
        <translation>新建播放列表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not an audio file</source>
        <translation>不是音频文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged tags</source>
        <translation>标签已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged or cut short</source>
        <translation>已损坏或不完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a music file</source>
        <translation>不是音乐文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No FM radio: plug in the radio&apos;s USB stick</source>
        <translation>没有调频收音机：请插入收音机 USB 接收棒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FM radio is not available on this head unit</source>
        <translation>此车机不支持调频收音机</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>no permission to read it</source>
        <translation>没有读取权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it went away while it was being read</source>
        <translation>读取时文件消失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its name is not valid text: rename it to play it</source>
        <translation>文件名不是有效文本：重命名后才能播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a link to a file that is not there</source>
        <translation>指向不存在文件的链接</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The FM tuner is in use by another program</source>
        <translation>调频接收器正被其他程序占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The FM tuner stopped working</source>
        <translation>调频接收器已停止工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No FM tuner</source>
        <translation>没有调频接收器</translation>
    </message>
</context>
</TS>
