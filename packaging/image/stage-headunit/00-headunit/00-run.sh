#!/bin/bash -e
# pi-gen sub-stage: HeadUnit on Raspberry Pi OS Lite (trixie, arm64). Runs on the build host after
# 00-packages; ROOTFS_DIR is the image's root, on_chroot runs commands inside it.
# Put the package in files/ first: cp headunit_<version>_arm64.deb packaging/image/stage-headunit/00-headunit/files/

BOOT="${ROOTFS_DIR}/boot/firmware"
DEB=$(find files -maxdepth 1 -name 'headunit_*_arm64.deb' | sort -V | tail -n1)
if [ -z "${DEB}" ]; then
	echo "stage-headunit: no headunit_*_arm64.deb in 00-headunit/files" >&2
	exit 1
fi

# The shell: the Debian package (its venv under /opt/headunit, the unit, the user, /etc/headunit).
install -m 644 "${DEB}" "${ROOTFS_DIR}/tmp/headunit.deb"
on_chroot << 'CHROOT'
apt-get install -y --no-install-recommends /tmp/headunit.deb
rm -f /tmp/headunit.deb
CHROOT

# Pi-only groups, modules the unit's device filter needs, the journal in RAM, the hardware watchdog.
install -D -m 644 files/headunit-pi.sysusers "${ROOTFS_DIR}/etc/sysusers.d/headunit-pi.conf"
install -D -m 644 files/modules-load.conf "${ROOTFS_DIR}/etc/modules-load.d/headunit.conf"
install -D -m 644 files/journald.conf "${ROOTFS_DIR}/etc/systemd/journald.conf.d/headunit.conf"
install -D -m 644 files/system.conf "${ROOTFS_DIR}/etc/systemd/system.conf.d/headunit.conf"

# The data partition: made on first boot, mounted at HEADUNIT_HOME; checked at boot (it is the only file
# system written to), never waited on for more than 15 s.
install -D -m 755 files/headunit-data-partition "${ROOTFS_DIR}/usr/local/sbin/headunit-data-partition"
install -D -m 644 files/headunit-data-partition.service \
	"${ROOTFS_DIR}/etc/systemd/system/headunit-data-partition.service"
sed -i '/[[:space:]]\/var\/lib\/headunit[[:space:]]/d' "${ROOTFS_DIR}/etc/fstab"
echo "LABEL=hudata /var/lib/headunit ext4 defaults,noatime,nodev,nosuid,commit=5,nofail,x-systemd.requires=headunit-data-partition.service,x-systemd.device-timeout=15s 0 2" \
	>> "${ROOTFS_DIR}/etc/fstab"
# The root is never written (overlayroot, below) and the FAT boot partition is mounted read-only (an update
# remounts it read-write while it writes): neither is checked at boot, so fsck runs on the data partition only.
sed -i -E 's@^([^#[:space:]]+[[:space:]]+/[[:space:]]+ext4[[:space:]]+[^[:space:]]+[[:space:]]+[0-9]+[[:space:]]+)[0-9]+@\10@' \
	"${ROOTFS_DIR}/etc/fstab"
sed -i -E 's@^([^#[:space:]]+[[:space:]]+/boot/firmware[[:space:]]+vfat[[:space:]]+)([^[:space:]]+)([[:space:]]+[0-9]+[[:space:]]+)[0-9]+@\1\2,ro\30@' \
	"${ROOTFS_DIR}/etc/fstab"

# Boot straight into the unit: no login prompt on tty1, nothing on the console.
on_chroot << 'CHROOT'
systemd-sysusers
systemctl enable headunit.service headunit-data-partition.service
systemctl mask getty@tty1.service
rm -rf /etc/systemd/system/getty@tty1.service.d
# Nothing that waits on the network or writes to the card in the background.
systemctl mask apt-daily.timer apt-daily-upgrade.timer man-db.timer e2scrub_all.timer e2scrub_reap.service
systemctl mask NetworkManager-wait-online.service systemd-networkd-wait-online.service
systemctl mask dphys-swapfile.service rpi-eeprom-update.service
systemctl mask triggerhappy.service triggerhappy.socket
# ModemManager probes every new serial port with AT commands: it would take the OBD-II adapter.
systemctl mask ModemManager.service
# Bluetooth is off until a feature uses it (hands-free, A2DP): unmask both to enable it.
systemctl mask bluetooth.service hciuart.service
systemctl disable avahi-daemon.service avahi-daemon.socket sshswitch.service 2>/dev/null || true
update-initramfs -u -k all
CHROOT

# Firmware: KMS display driver, no rainbow splash, no delay, no under-voltage icons over the UI.
if ! grep -q '^# HeadUnit' "${BOOT}/config.txt"; then
	cat >> "${BOOT}/config.txt" << 'CONFIG'

# HeadUnit
[all]
disable_splash=1
boot_delay=0
avoid_warnings=1
auto_initramfs=1
CONFIG
	grep -q '^dtoverlay=vc4-kms-v3d' "${BOOT}/config.txt" || echo 'dtoverlay=vc4-kms-v3d' >> "${BOOT}/config.txt"
fi

# Kernel command line (one line): no console on tty1 (the shell's), quiet, no cursor, no Pi OS first-boot
# resize (the root keeps its size; the free space is the data partition), and the read-only root:
# overlayroot (initramfs) mounts the root partition read-only under a RAM overlay; /var/lib/headunit and
# /boot/firmware stay real mounts (recurse=0).
CMDLINE=$(tr -s ' \n' ' ' < "${BOOT}/cmdline.txt")
CMDLINE=$(echo "${CMDLINE}" | sed -E 's@ ?init=/usr/lib/raspberrypi-sys-mods/firstboot@@; s@ ?console=tty1@@; s@ ?quiet@@; s@ ?fsck.repair=yes@@; s@ ?(splash|plymouth.ignore-serial-consoles)@@g; s@ ?rw( |$)@ @')
echo "${CMDLINE% } ro quiet loglevel=3 logo.nologo vt.global_cursor_default=0 consoleblank=0 overlayroot=tmpfs:recurse=0" \
	> "${BOOT}/cmdline.txt"
